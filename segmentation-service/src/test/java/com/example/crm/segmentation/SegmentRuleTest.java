package com.example.crm.segmentation;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.segmentation.segments.domain.SegmentRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiling a segment rule (pure): values become bind parameters, fields and operators come from a fixed list. */
class SegmentRuleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static SegmentRule.Compiled compile(String rule) throws Exception {
        return SegmentRule.compile(JSON.readTree(rule));
    }

    @Test
    void values_are_bound_parameters_never_part_of_the_sql() throws Exception {
        SegmentRule.Compiled c = compile("""
                {"and":[{"field":"province","op":"eq","value":"浙江省' or 1=1 --"},
                        {"or":[{"field":"tags","op":"contains","value":"重点"},{"field":"revenue","op":"gte","value":"1000"}]},
                        {"not":{"field":"status","op":"in","value":["TERMINATED","POTENTIAL"]}}]}""");
        assertThat(c.condition()).doesNotContain("浙江").doesNotContain("1=1").doesNotContain("重点").doesNotContain("1000")
                .contains("p.province = ?1").contains("p.tags @> jsonb_build_array(cast(?2 as text))")
                .contains(">= ?3").contains("p.status in (?4, ?5)");
        assertThat(c.parameters()).hasSize(5);
    }

    @Test
    void unknown_fields_operators_bad_values_and_shapes_are_named_by_path() {
        assertThatThrownBy(() -> compile("{\"and\":[{\"field\":\"name; drop table x\",\"op\":\"eq\",\"value\":\"a\"},"
                + "{\"field\":\"revenue\",\"op\":\"contains\",\"value\":\"1\"},{\"field\":\"churnScore\",\"op\":\"gte\",\"value\":\"high\"},"
                + "{\"field\":\"lastContactAt\",\"op\":\"between\",\"value\":[\"" + TestTime.today() + "\"]},{\"or\":[]}]}"))
                .isInstanceOfSatisfying(DomainException.InvalidValue.class, e -> assertThat(e.reasons())
                        .extracting(DomainException.InvalidValue.Reason::field)
                        .containsExactly("rule.and[0].field", "rule.and[1].op", "rule.and[2].value",
                                "rule.and[3].value", "rule.and[4].or"));
        assertThatThrownBy(() -> compile("[]")).isInstanceOf(DomainException.InvalidValue.class);
        assertThatThrownBy(() -> compile("{\"not\":{\"not\":{\"not\":{\"not\":{\"not\":{\"not\":{\"not\":{\"not\":{\"not\":"
                + "{\"not\":{\"not\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"a\"}}}}}}}}}}}}"))
                .isInstanceOf(DomainException.InvalidValue.class);
    }

    @Test
    void a_number_beyond_what_the_database_compares_is_refused_by_path_not_a_500() {
        assertThatThrownBy(() -> compile("{\"and\":[{\"field\":\"revenue\",\"op\":\"gte\",\"value\":\"1e-999999\"},"
                + "{\"field\":\"revenue\",\"op\":\"lte\",\"value\":\"1E+999999\"},"
                + "{\"field\":\"revenue\",\"op\":\"lte\",\"value\":\"1e99999999999\"}]}"))
                .isInstanceOfSatisfying(DomainException.InvalidValue.class, e -> assertThat(e.reasons())
                        .extracting(DomainException.InvalidValue.Reason::field)
                        .containsExactly("rule.and[0].value", "rule.and[1].value", "rule.and[2].value"));
    }

    @Test
    void an_ordinary_amount_with_cents_is_accepted() throws Exception {
        assertThat(compile("{\"field\":\"revenue\",\"op\":\"gte\",\"value\":\"125000.50\"}").parameters())
                .hasSize(1);
    }
}
