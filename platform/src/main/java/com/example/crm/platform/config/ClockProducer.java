package com.example.crm.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The system clock in UTC; tests and time-driven rules replace it with an alternative bean. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
