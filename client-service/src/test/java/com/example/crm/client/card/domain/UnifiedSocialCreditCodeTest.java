package com.example.crm.client.card.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "91440300708461136T", "9144030071526726XG"})
    void accepts_codes_with_a_correct_check_character(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "911100001000132224", "91350100M000100Y4", "91350100M000100Y433",
            "91350100I000100Y43", "91350100m000100Y43", "", "９１３５０１００Ｍ０００１００Ｙ４３"})
    void rejects_wrong_check_characters_lengths_and_letters_outside_the_alphabet(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }

    @Test
    void computes_the_check_character_of_the_first_17_characters() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }
}
