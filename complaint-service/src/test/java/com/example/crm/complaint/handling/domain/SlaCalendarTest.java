package com.example.crm.complaint.handling.domain;

import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business-hours arithmetic (pure): working days 09:00-18:00 in Shanghai, weekends and holidays off. The days are
 * relative to the first Friday on or after the test clock's day; the Thursday and Friday of the week after are
 * holidays.
 */
class SlaCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FRIDAY = TestTime.today().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    static final LocalDate SATURDAY = FRIDAY.plusDays(1);
    static final LocalDate SUNDAY = FRIDAY.plusDays(2);
    static final LocalDate MONDAY = FRIDAY.plusDays(3);
    static final LocalDate TUESDAY_BEFORE = FRIDAY.minusDays(3);
    static final LocalDate WEDNESDAY_BEFORE = FRIDAY.minusDays(2);
    static final LocalDate HOLIDAY_WEDNESDAY = FRIDAY.plusDays(5);
    static final LocalDate HOLIDAY_MONDAY = FRIDAY.plusDays(10);
    static final SlaCalendar HOURS = SlaCalendar.businessHours(SHANGHAI,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(FRIDAY.plusDays(6), FRIDAY.plusDays(7)));

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    @Test
    void eight_working_hours_from_friday_afternoon_end_on_monday_afternoon() {
        // Friday 16:00 + 8h: 2h on Friday, 6h on Monday from 09:00
        assertThat(HOURS.plus(at(FRIDAY, "16:00"), Duration.ofHours(8))).isEqualTo(at(MONDAY, "15:00"));
    }

    @Test
    void time_received_at_night_or_on_a_weekend_starts_at_the_next_opening() {
        assertThat(HOURS.plus(at(SATURDAY, "11:00"), Duration.ofHours(1))).isEqualTo(at(MONDAY, "10:00"));
        assertThat(HOURS.plus(at(TUESDAY_BEFORE, "22:30"), Duration.ofMinutes(30))).isEqualTo(at(WEDNESDAY_BEFORE, "09:30"));
    }

    @Test
    void holidays_are_skipped_like_weekends() {
        // Wednesday 17:00 + 2h: 1h on Wednesday, then Thu/Fri holidays, Sat/Sun weekend, Monday 10:00
        assertThat(HOURS.plus(at(HOLIDAY_WEDNESDAY, "17:00"), Duration.ofHours(2))).isEqualTo(at(HOLIDAY_MONDAY, "10:00"));
        assertThat(HOURS.between(at(HOLIDAY_WEDNESDAY, "17:00"), at(HOLIDAY_MONDAY, "10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void working_time_between_two_instants_counts_only_open_hours() {
        assertThat(HOURS.between(at(FRIDAY, "16:00"), at(MONDAY, "15:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(HOURS.between(at(SATURDAY, "08:00"), at(SUNDAY, "20:00"))).isZero();
        assertThat(HOURS.between(at(MONDAY, "15:00"), at(FRIDAY, "16:00"))).isZero();
    }

    @Test
    void calendar_time_is_plain_duration() {
        SlaCalendar calendar = SlaCalendar.calendarTime();
        assertThat(calendar.plus(at(SATURDAY, "11:00"), Duration.ofHours(30))).isEqualTo(at(SUNDAY, "17:00"));
        assertThat(calendar.between(at(SATURDAY, "11:00"), at(SUNDAY, "17:00"))).isEqualTo(Duration.ofHours(30));
    }
}
