package com.example.crm.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The time line every test of a JVM reads instead of the system clock, so that no test depends on the calendar.
 *
 * <p>It starts on the date of the system property {@value #START_PROPERTY} (ISO date, e.g. {@code 2028-06-01};
 * by default today in {@link #ZONE}) at {@link #START_TIME} in {@link #ZONE} and then follows real elapsed time.
 * Starting at noon pins the business day: a test run shorter than twelve hours never crosses midnight in Shanghai
 * (or in UTC, where it is 04:00), so a rule about "today" cannot flip in the middle of a test.
 *
 * <p>The shift from the system clock is fixed once per JVM and kept in a system property, so classes of this name
 * loaded by more than one class loader (Quarkus tests) read the same time line.
 */
public final class TestTime {

    /** The date the tests' clock starts on; the README's test command passes it with {@code -D}. */
    public static final String START_PROPERTY = "crm-test.clock-start";
    /** The business zone of the suite's day-based rules. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalTime START_TIME = LocalTime.NOON;

    private static final String SHIFT_PROPERTY = "crm-test.clock-shift-nanos";
    private static final Duration SHIFT = shift();

    private TestTime() {
    }

    /** Now on the tests' time line, in microseconds (PostgreSQL's precision). */
    public static Instant now() {
        return Instant.now().plus(SHIFT).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in {@link #ZONE} on the tests' time line. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /** The day {@code days} from today (negative: in the past) in {@link #ZONE}. */
    public static LocalDate day(int days) {
        return today().plusDays(days);
    }

    /**
     * {@code days} from today at {@code time} in {@link #ZONE}, as an RFC 3339 date-time with its offset
     * ({@code 2026-12-07T10:00:00+08:00}: seconds always written, as the OpenAPI format date-time requires).
     */
    public static String at(int days, String time) {
        return rfc3339(day(days).atTime(LocalTime.parse(time)).atZone(ZONE).toOffsetDateTime());
    }

    /** Now minus {@code amount} on the tests' time line, as an RFC 3339 date-time in {@link #ZONE}. */
    public static String ago(Duration amount) {
        return rfc3339(now().minus(amount).atZone(ZONE).toOffsetDateTime());
    }

    /** {@code OffsetDateTime.toString()} leaves out zero seconds, which RFC 3339 does not allow. */
    private static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static synchronized Duration shift() {
        String kept = System.getProperty(SHIFT_PROPERTY);
        if (kept != null) {
            return Duration.ofNanos(Long.parseLong(kept));
        }
        Instant real = Instant.now();
        String start = System.getProperty(START_PROPERTY, "");
        LocalDate date = start.isBlank() ? LocalDate.ofInstant(real, ZONE) : LocalDate.parse(start.trim());
        long nanos = Duration.between(real, date.atTime(START_TIME).atZone(ZONE).toInstant()).toNanos();
        System.setProperty(SHIFT_PROPERTY, Long.toString(nanos));
        return Duration.ofNanos(nanos);
    }
}
