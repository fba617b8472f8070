package com.example.crm.platform.time;

import com.example.crm.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar days in the business time zone ({@code crm.zone}): "today", and the day an instant falls on. */
@ApplicationScoped
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public BusinessCalendar(Clock clock, PlatformConfig config) {
        this.clock = clock;
        this.zone = config.zone();
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
