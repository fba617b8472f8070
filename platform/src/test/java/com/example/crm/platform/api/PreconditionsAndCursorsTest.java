package com.example.crm.platform.api;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.testing.TestTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsAndCursorsTest {

    @Test
    void missing_if_match_is_428_and_stale_if_match_is_412() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type().status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(DomainException.StaleVersion.class,
                e -> assertThat(DomainProblems.of(e).toProblem("/").status()).isEqualTo(412));
    }

    @Test
    void current_or_wildcard_if_match_passes() {
        assertThatNoException().isThrownBy(() -> ETags.requireMatch("\"3\"", 3));
        assertThatNoException().isThrownBy(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertThatNoException().isThrownBy(() -> ETags.requireMatch("*", 3));
        // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches
        assertThatThrownBy(() -> ETags.requireMatch("W/\"3\"", 3)).isInstanceOfSatisfying(DomainException.StaleVersion.class,
                e -> assertThat(DomainProblems.of(e).toProblem("/").status()).isEqualTo(412));
    }

    @Test
    void cursor_round_trips_chinese_and_separators_and_rejects_tampering() {
        String at = TestTime.now().toString();
        String cursor = Cursor.encode(at, "北京华信", "a,b");
        assertThat(Cursor.decode(cursor, 3)).containsExactly(at, "北京华信", "a,b");
        assertThatThrownBy(() -> Cursor.decode(cursor, 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%not-base64", 2)).isInstanceOf(ProblemException.class);
        assertThat(Cursor.decode(null, 2)).isNull();
    }

    @Test
    void limit_defaults_to_50_and_is_clamped_to_200() {
        assertThat(Page.clamp(null)).isEqualTo(50);
        assertThat(Page.clamp(10_000)).isEqualTo(200);
        assertThatThrownBy(() -> Page.clamp(0)).isInstanceOf(ProblemException.class);
    }
}
