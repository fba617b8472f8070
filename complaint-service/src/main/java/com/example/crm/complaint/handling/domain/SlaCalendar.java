package com.example.crm.complaint.handling.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * SLA time: calendar time, or business hours (working days, a daily window, holidays, in a time zone). Written by
 * hand: the arithmetic is small and specific (no maintained library does "add N working hours").
 */
public final class SlaCalendar {

    private static final int MAX_DAYS = 3660;

    private final boolean businessHours;
    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final Set<LocalDate> holidays;

    private SlaCalendar(boolean businessHours, ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end,
                        Set<LocalDate> holidays) {
        if (businessHours && (days.isEmpty() || !start.isBefore(end))) {
            throw new IllegalArgumentException("business hours need working days and a start before the end");
        }
        this.businessHours = businessHours;
        this.zone = zone;
        this.days = days;
        this.start = start;
        this.end = end;
        this.holidays = holidays;
    }

    public static SlaCalendar calendarTime() {
        return new SlaCalendar(false, ZoneId.of("UTC"), Set.of(), LocalTime.MIN, LocalTime.MAX, Set.of());
    }

    public static SlaCalendar businessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end,
                                            Set<LocalDate> holidays) {
        return new SlaCalendar(true, zone, days, start, end, holidays);
    }

    /** The instant {@code amount} of SLA time after {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (!businessHours || amount.isZero()) {
            return from.plus(amount);
        }
        Duration remaining = amount;
        ZonedDateTime t = from.atZone(zone);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                if (t.isBefore(open)) {
                    t = open;
                }
                if (t.isBefore(close)) {
                    Duration available = Duration.between(t, close);
                    if (remaining.compareTo(available) <= 0) {
                        return t.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from);
    }

    /** The SLA time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (!businessHours) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = day.atTime(start).atZone(zone).toInstant();
            Instant close = day.atTime(end).atZone(zone).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            Instant b = to.isBefore(close) ? to : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
