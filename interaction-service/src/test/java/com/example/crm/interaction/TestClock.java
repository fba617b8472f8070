package com.example.crm.interaction;

import com.example.crm.platform.testing.OffsetClock;
import jakarta.inject.Singleton;

/** interaction-service's clock in tests: the tests' time line (see TestTime), so no test depends on the calendar. */
@Singleton
public class TestClock extends OffsetClock {
}
