package com.example.crm.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's clock in tests: the tests' time line ({@link TestTime}: a date the run chooses, from noon in
 * Shanghai) plus an offset tests move forward, so day- and hour-based rules (SLA thresholds, recall days) pass
 * without sleeping and without depending on the calendar. A service's tests declare a {@code @Singleton} subclass,
 * which replaces the platform's default clock bean for the whole test application.
 */
public class OffsetClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration amount) {
        offset.updateAndGet(o -> o.plus(amount));
    }

    @Override
    public Instant instant() {
        return TestTime.now().plus(offset.get());
    }

    /** Today in the business zone on this clock (its offset included). */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), TestTime.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }
}
