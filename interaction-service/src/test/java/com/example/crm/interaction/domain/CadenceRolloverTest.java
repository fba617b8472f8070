package com.example.crm.interaction.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next visit day of a cadence, across month and year ends (pure rule). Which day a visit falls on in the business
 * zone is the service's part, tested through HTTP in VisitPlanApiTest.
 */
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
}
