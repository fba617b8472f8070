package com.example.crm.platform.testing;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class TestTimeTest {

    @Test
    void the_tests_clock_starts_at_noon_in_shanghai_on_the_date_the_run_chooses() {
        String chosen = System.getProperty(TestTime.START_PROPERTY, "");
        Duration jvmAge = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        if (chosen.isBlank()) { // the date of the system clock when the time line was fixed, after this JVM started
            LocalDate started = LocalDate.ofInstant(Instant.now().minus(jvmAge), TestTime.ZONE);
            assertThat(TestTime.today()).isIn(started, started.plusDays(1));
        } else {
            assertThat(TestTime.today()).isEqualTo(LocalDate.parse(chosen));
        }
        LocalTime time = LocalTime.ofInstant(TestTime.now(), TestTime.ZONE);
        assertThat(time).isBetween(TestTime.START_TIME, TestTime.START_TIME.plus(jvmAge));
    }

    @Test
    void a_service_clock_reads_the_same_time_line_and_moves_only_when_a_test_advances_it() {
        OffsetClock clock = new OffsetClock();
        assertThat(Duration.between(TestTime.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
        clock.advance(Duration.ofDays(3));
        assertThat(clock.today()).isEqualTo(TestTime.day(3));
        assertThat(TestTime.today()).isEqualTo(TestTime.day(0));
    }
}
