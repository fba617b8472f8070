package com.example.crm.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How request bodies are read: text without NUL characters, every key once. */
class StrictJsonTest {

    record Card(String legalName, List<String> tags, Map<String, String> address) {
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
    void refuses_a_key_given_twice_in_one_object() throws Exception {
        assertThatThrownBy(() -> strict().readValue("{\"legalName\":\"甲\",\"legalName\":\"乙\"}", Card.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'legalName'");
        assertThatThrownBy(() -> strict().readTree("{\"to\":\"A\",\"to\":\"B\"}")).isInstanceOf(JsonParseException.class);
        assertThat(strict().readTree("{\"a\":{\"to\":1},\"b\":{\"to\":2}}").size()).as("the same key in two objects").isEqualTo(2);
    }
}
