package com.example.crm.platform.api;

import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Date and time parameters: a year PostgreSQL or date arithmetic cannot take is a 400 naming the parameter. */
class QueryParamsTest {

    @Test
    void a_date_beyond_year_9999_or_before_year_1_is_refused_naming_the_parameter() {
        for (String far : new String[] {"+999999999-01-01", "+10000-01-01", "-0001-12-31", "0000-01-01"}) {
            assertThatThrownBy(() -> QueryParams.dateValue("date", far)).as(far)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                        assertThat(e.toProblem("/").errors()).extracting(Problem.FieldError::field).containsExactly("date");
                    });
        }
        LocalDate today = TestTime.today();
        assertThat(QueryParams.dateValue("date", today.toString())).isEqualTo(today);
        assertThat(QueryParams.dateValue("date", "9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void a_time_beyond_year_9999_is_refused_naming_the_parameter() {
        assertThatThrownBy(() -> QueryParams.instantValue("from", "+999999999-01-01T00:00:00Z"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.toProblem("/").errors()).extracting(Problem.FieldError::field).containsExactly("from"));
        java.time.Instant at = TestTime.now();
        assertThat(QueryParams.instantValue("from", at.toString())).isEqualTo(at);
    }
}
