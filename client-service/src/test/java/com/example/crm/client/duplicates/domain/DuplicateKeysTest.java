package com.example.crm.client.duplicates.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeysTest {

    @Test
    void legal_form_suffixes_punctuation_and_full_width_characters_do_not_tell_companies_apart() {
        assertThat(DuplicateKeys.nameKey("北京华信科技有限公司")).isEqualTo("北京华信科技");
        assertThat(DuplicateKeys.nameKey("北京华信科技有限责任公司")).isEqualTo("北京华信科技");
        assertThat(DuplicateKeys.nameKey("北京华信科技股份有限公司")).isEqualTo("北京华信科技");
        assertThat(DuplicateKeys.nameKey("（北京）华信科技 有限公司")).isEqualTo("北京华信科技");
        assertThat(DuplicateKeys.nameKey("Bright Star Co., Ltd.")).isEqualTo("brightstar");
        assertThat(DuplicateKeys.nameKey("ＡＢＣ贸易公司")).isEqualTo("abc贸易");
    }

    @Test
    void a_name_that_is_only_a_legal_form_is_kept() {
        assertThat(DuplicateKeys.nameKey("公司")).isEqualTo("公司");
    }

    @Test
    void phones_compare_by_digits_without_country_code_or_trunk_prefix() {
        assertThat(DuplicateKeys.phoneDigits("+86 21 6123 4567")).isEqualTo("2161234567");
        assertThat(DuplicateKeys.phoneDigits("021-61234567")).isEqualTo("2161234567");
        assertThat(DuplicateKeys.phoneDigits("0086 138 0013 8000")).isEqualTo("13800138000");
        assertThat(DuplicateKeys.phoneDigits("138-0013-8000")).isEqualTo("13800138000");
        assertThat(DuplicateKeys.phoneDigits("12345")).isNull();
    }
}
