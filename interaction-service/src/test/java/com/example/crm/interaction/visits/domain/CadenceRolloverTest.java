package com.example.crm.interaction.visits.domain;

import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next visit day of a cadence, across month and year ends (pure rule). Which day a visit falls on in the business
 * zone is the service's part, tested through HTTP in VisitPlanApiTest.
 */
class CadenceRolloverTest {

    /** This year on the tests' time line; the cases below are the month, year and leap-day ends from it on. */
    static final int YEAR = TestTime.today().getYear();

    @Test
    void an_interval_rolls_over_month_and_year_ends_and_leap_days() {
        int leap = YEAR + 1;
        while (!Year.isLeap(leap)) {
            leap++;
        }
        assertThat(Cadence.nextAfter(LocalDate.of(YEAR, 1, 31), 20, null)).isEqualTo(LocalDate.of(YEAR, 2, 20));
        assertThat(Cadence.nextAfter(LocalDate.of(YEAR, 12, 15), 20, null)).isEqualTo(LocalDate.of(YEAR + 1, 1, 4));
        // 11 days of December, 31 of January, 29 of February, 9 of March
        assertThat(Cadence.nextAfter(LocalDate.of(leap - 1, 12, 20), 80, null)).isEqualTo(LocalDate.of(leap, 3, 9));
        assertThat(Cadence.nextAfter(LocalDate.of(leap, 2, 9), 20, null)).isEqualTo(LocalDate.of(leap, 2, 29));
    }

    @Test
    void a_weekly_cadence_on_a_day_takes_the_next_such_day_even_across_the_year_end() {
        // the first New Year's Eve from this year on that is a Thursday
        int year = YEAR;
        while (LocalDate.of(year, 12, 31).getDayOfWeek() != DayOfWeek.THURSDAY) {
            year++;
        }
        LocalDate eve = LocalDate.of(year, 12, 31);
        assertThat(Cadence.nextAfter(eve, 7, DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(year + 1, 1, 4));
        assertThat(Cadence.nextAfter(eve, 7, DayOfWeek.THURSDAY)).isEqualTo(LocalDate.of(year + 1, 1, 7));
        assertThat(Cadence.nextAfter(eve, 7, null)).isEqualTo(LocalDate.of(year + 1, 1, 7));
    }
}
