package com.example.crm.client;

import com.example.crm.platform.testing.OffsetClock;
import jakarta.inject.Singleton;

/** client-service's clock in tests: moved forward so recall days, cool-downs and daily limits pass without sleeping. */
@Singleton
public class TestClock extends OffsetClock {
}
