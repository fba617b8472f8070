package com.example.crm.platform.api;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Field paths in validation problems read like the JSON the client sent. */
class ConstraintPathTest {

    record Line(@Positive int quantity) {
    }

    record Address(@NotBlank String city) {
    }

    record Order(@Valid Address address, List<@Valid Line> lines, List<@NotBlank String> tags) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    @Test
    void nested_fields_list_elements_and_constrained_list_items_get_json_like_paths() {
        Order order = new Order(new Address(" "), List.of(new Line(1), new Line(0)), List.of("a", "", "c"));

        List<String> paths = validator.validate(order).stream().map(ProblemMappers::fieldPath).sorted().toList();

        assertThat(paths).containsExactly("address.city", "lines[1].quantity", "tags[1]");
    }
}
