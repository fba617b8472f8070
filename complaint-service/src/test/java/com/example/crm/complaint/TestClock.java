package com.example.crm.complaint;

import com.example.crm.platform.testing.OffsetClock;
import jakarta.inject.Singleton;

/** complaint-service's clock in tests: moved forward so SLA thresholds pass without sleeping. */
@Singleton
public class TestClock extends OffsetClock {
}
