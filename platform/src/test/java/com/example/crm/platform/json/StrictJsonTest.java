package com.example.crm.platform.json;

import com.example.crm.platform.testing.TestTime;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How request bodies are read: text without NUL characters, every key once, dates as ISO strings only. */
class StrictJsonTest {

    record Card(String legalName, List<String> tags, Map<String, String> address) {
    }

    record Times(LocalDate day, Instant at, OffsetDateTime when, BigDecimal quantity) {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void refuses_a_nul_character_in_any_text_naming_the_field() throws Exception {
        assertThatThrownBy(() -> strict().readValue("{\"legalName\":\"华\\u0000信\"}", Card.class))
                .isInstanceOf(StrictJson.NulCharacter.class).hasMessageContaining("legalName");
        assertThatThrownBy(() -> strict().readValue("{\"tags\":[\"a\",\"\\u0000\"]}", Card.class))
                .isInstanceOf(StrictJson.NulCharacter.class);
        assertThatThrownBy(() -> strict().readValue("{\"address\":{\"street\":\"x\\u0000\"}}", Card.class))
                .isInstanceOf(StrictJson.NulCharacter.class);
        assertThat(strict().readValue("{\"legalName\":\"华信 \\u0001 \\\\u0000\"}", Card.class).legalName())
                .as("other control characters and an escaped backslash stay").isEqualTo("华信 \u0001 \\u0000");
    }

    @Test
    void refuses_a_date_or_time_given_as_a_number_or_an_array_and_a_number_given_as_text() throws Exception {
        LocalDate day = TestTime.today();
        for (String notIso : List.of("{\"at\":123}", "{\"when\":1733560800.5}",
                "{\"day\":[%d,%d,%d]}".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
                "{\"day\":" + day.toString().replace("-", "") + "}")) {
            assertThatThrownBy(() -> strict().readValue(notIso, Times.class)).as(notIso)
                    .isInstanceOf(MismatchedInputException.class).hasMessageContaining("ISO 8601");
        }
        assertThatThrownBy(() -> strict().readValue("{\"quantity\":\"2.5\"}", Times.class))
                .isInstanceOf(MismatchedInputException.class);
        Times iso = strict().readValue("{\"day\":\"%s\",\"at\":\"%sT02:00:00Z\",\"when\":\"%sT10:00:00+08:00\",\"quantity\":2.5}"
                .formatted(day, day, day), Times.class);
        assertThat(iso.at()).isEqualTo(iso.when().toInstant());
        assertThat(iso.day()).isEqualTo(day);
    }

    @Test
    void refuses_text_longer_than_ten_thousand_characters_and_a_list_of_more_than_a_thousand_items() throws Exception {
        assertThat(strict().readValue("{\"legalName\":\"" + "长".repeat(StrictJson.MAX_TEXT) + "\"}", Card.class).legalName())
                .hasSize(StrictJson.MAX_TEXT);
        assertThatThrownBy(() -> strict().readValue("{\"legalName\":\"" + "长".repeat(StrictJson.MAX_TEXT + 1) + "\"}", Card.class))
                .isInstanceOf(StrictJson.TooLarge.class).hasMessageContaining("legalName");
        String thousand = "[" + String.join(",", java.util.Collections.nCopies(StrictJson.MAX_ITEMS, "\"t\"")) + "]";
        assertThat(strict().readValue("{\"tags\":" + thousand + "}", Card.class).tags()).hasSize(StrictJson.MAX_ITEMS);
        assertThatThrownBy(() -> strict().readValue("{\"tags\":" + thousand.replace("]", ",\"t\"]") + "}", Card.class))
                .isInstanceOf(StrictJson.TooLarge.class).hasMessageContaining("tags");
    }

    @Test
    void refuses_a_key_given_twice_in_one_object() throws Exception {
        assertThatThrownBy(() -> strict().readValue("{\"legalName\":\"甲\",\"legalName\":\"乙\"}", Card.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'legalName'");
        assertThatThrownBy(() -> strict().readTree("{\"to\":\"A\",\"to\":\"B\"}")).isInstanceOf(JsonParseException.class);
        assertThat(strict().readTree("{\"a\":{\"to\":1},\"b\":{\"to\":2}}").size()).as("the same key in two objects").isEqualTo(2);
    }
}
