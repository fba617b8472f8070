package com.example.crm.segmentation;

import com.example.crm.platform.testing.OffsetClock;
import jakarta.inject.Singleton;

/** segmentation-service's clock in tests: the tests' time line (see TestTime), so no test depends on the calendar. */
@Singleton
public class TestClock extends OffsetClock {
}
