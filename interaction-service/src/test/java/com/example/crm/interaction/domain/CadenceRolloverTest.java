package com.example.crm.interaction.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The next visit day of a cadence, across month and year ends and time zones (pure rule). */
class CadenceRolloverTest {

    @Test
    void an_interval_rolls_over_month_and_year_ends_and_leap_days() {
        assertThat(Cadence.nextAfter(LocalDate.parse("2026-01-31"), 20, null)).isEqualTo("2026-02-20");
        assertThat(Cadence.nextAfter(LocalDate.parse("2026-12-15"), 20, null)).isEqualTo("2027-01-04");
        assertThat(Cadence.nextAfter(LocalDate.parse("2027-12-20"), 80, null)).isEqualTo("2028-03-09");
        assertThat(Cadence.nextAfter(LocalDate.parse("2028-02-09"), 20, null)).isEqualTo("2028-02-29");
    }

    @Test
    void a_weekly_cadence_on_a_day_takes_the_next_such_day_even_across_the_year_end() {
        // 2026-12-31 is a Thursday
        assertThat(Cadence.nextAfter(LocalDate.parse("2026-12-31"), 7, DayOfWeek.MONDAY)).isEqualTo("2027-01-04");
        assertThat(Cadence.nextAfter(LocalDate.parse("2026-12-31"), 7, DayOfWeek.THURSDAY)).isEqualTo("2027-01-07");
        assertThat(Cadence.nextAfter(LocalDate.parse("2026-12-31"), 7, null)).isEqualTo("2027-01-07");
    }

    @Test
    void the_visit_day_is_the_day_in_the_business_zone_not_in_utc() {
        // a visit at 20:30 on New Year's Eve in New York is 09:30 on 1 January in Shanghai
        Instant visit = Instant.parse("2027-01-01T01:30:00Z");
        LocalDate day = LocalDate.ofInstant(visit, ZoneId.of("Asia/Shanghai"));
        assertThat(day).isEqualTo("2027-01-01");
        assertThat(Cadence.nextAfter(day, 40, null)).isEqualTo("2027-02-10");
    }
}
