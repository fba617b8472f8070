package com.example.crm.complaint.handling.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Business-hours arithmetic (pure): working days 09:00-18:00 in Shanghai, weekends and holidays off. */
class SlaCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-10-01 (Thursday) and 2026-10-02 (Friday): National Day holidays
    static final SlaCalendar HOURS = SlaCalendar.businessHours(SHANGHAI,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")));

    static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void eight_working_hours_from_friday_afternoon_end_on_monday_afternoon() {
        // Friday 2026-11-27 16:00 + 8h: 2h on Friday, 6h on Monday from 09:00
        assertThat(HOURS.plus(at("2026-11-27T16:00"), Duration.ofHours(8))).isEqualTo(at("2026-11-30T15:00"));
    }

    @Test
    void time_received_at_night_or_on_a_weekend_starts_at_the_next_opening() {
        assertThat(HOURS.plus(at("2026-11-28T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-30T10:00"));
        assertThat(HOURS.plus(at("2026-11-24T22:30"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-25T09:30"));
    }

    @Test
    void holidays_are_skipped_like_weekends() {
        // Wednesday 2026-09-30 17:00 + 2h: 1h on Wednesday, then Thu/Fri holidays, Sat/Sun weekend, Monday 10:00
        assertThat(HOURS.plus(at("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-05T10:00"));
        assertThat(HOURS.between(at("2026-09-30T17:00"), at("2026-10-05T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void working_time_between_two_instants_counts_only_open_hours() {
        assertThat(HOURS.between(at("2026-11-27T16:00"), at("2026-11-30T15:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(HOURS.between(at("2026-11-28T08:00"), at("2026-11-29T20:00"))).isZero();
        assertThat(HOURS.between(at("2026-11-30T15:00"), at("2026-11-27T16:00"))).isZero();
    }

    @Test
    void calendar_time_is_plain_duration() {
        SlaCalendar calendar = SlaCalendar.calendarTime();
        assertThat(calendar.plus(at("2026-11-28T11:00"), Duration.ofHours(30))).isEqualTo(at("2026-11-29T17:00"));
        assertThat(calendar.between(at("2026-11-28T11:00"), at("2026-11-29T17:00"))).isEqualTo(Duration.ofHours(30));
    }
}
