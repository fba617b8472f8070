package com.example.crm.platform.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details. {@code type} is a stable URN per kind of problem; {@code errors} lists the
 * offending fields of a validation problem; {@code extensions} are further members (e.g. {@code allowed}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }
}
