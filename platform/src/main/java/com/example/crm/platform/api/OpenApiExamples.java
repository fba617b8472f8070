package com.example.crm.platform.api;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request example for every JSON request body that names none, made from its schema: the required properties and
 * those with an example of their own ({@code @Schema(example = ...)} on the input's fields), each with its example
 * or a value of its type, format and bounds. An integrator sees a body to start from in the document and in the
 * Swagger UI; the document check of every service validates each example against its schema. A body the schema
 * cannot describe (a merge patch: any JSON object) carries its example on the operation.
 */
final class OpenApiExamples {

    private static final int DEEPEST = 4;

    private OpenApiExamples() {
    }

    static void document(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                    || operation.getRequestBody().getContent().getMediaTypes() == null) {
                return;
            }
            operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
                if (type.contains("json") && !hasExample(media) && media.getSchema() != null) {
                    Object example = example(media.getSchema(), components, 0);
                    if (example != null) {
                        media.setExample(example);
                    }
                }
            });
        }));
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty();
    }

    /** The schema's own example, else a value made from its type; null where the schema does not say what to send. */
    static Object example(Schema schema, Map<String, Schema> components, int depth) {
        if (schema == null || depth > DEEPEST) {
            return null;
        }
        if (own(schema) != null) {
            return own(schema);
        }
        Schema target = target(schema, components);
        if (target != schema) {
            return example(target, components, depth);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                Schema resolved = target(property, components);
                if (Boolean.TRUE.equals(property.getReadOnly()) || Boolean.TRUE.equals(resolved.getReadOnly())) {
                    return;
                }
                if (required.contains(name) || own(property) != null || own(resolved) != null) {
                    Object value = example(property, components, depth + 1);
                    if (value != null) {
                        object.put(name, value);
                    }
                }
            });
            return object;
        }
        if (OpenApiLimits.is(schema, Schema.SchemaType.ARRAY)) {
            Object item = example(schema.getItems(), components, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if (OpenApiLimits.is(schema, Schema.SchemaType.STRING)) {
            return text(schema);
        }
        if (OpenApiLimits.is(schema, Schema.SchemaType.INTEGER)) {
            return within(schema, BigDecimal.ONE).longValue();
        }
        if (OpenApiLimits.is(schema, Schema.SchemaType.NUMBER)) {
            return within(schema, BigDecimal.ONE);
        }
        if (OpenApiLimits.is(schema, Schema.SchemaType.BOOLEAN)) {
            return false;
        }
        return null;
    }

    /** The example the schema states ({@code example}, or the first of 3.1's {@code examples}); null if none. */
    private static Object own(Schema schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        return schema.getExamples() == null || schema.getExamples().isEmpty() ? null : schema.getExamples().get(0);
    }

    /** What a reference or a property wrapping one ({@code allOf: [$ref]}) stands for; the schema itself otherwise. */
    private static Schema target(Schema schema, Map<String, Schema> components) {
        Schema component = schema.getRef() == null
                ? schema.getProperties() == null ? OpenApiLimits.wrapped(schema, components) : null
                : components == null ? null : components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        return component == null ? schema : component;
    }

    private static String text(Schema schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String pattern = schema.getPattern() == null ? "" : schema.getPattern();
        String value = switch (format) {
            case "date" -> "2026-03-02";
            case "date-time" -> "2026-03-02T09:30:00+08:00";
            case "uuid" -> "0b6f3c2e-5d1a-4f8e-9c47-2a1e6d9b7f30";
            case "email" -> "buyer@example.com";
            case "uri", "url" -> "https://example.com/";
            default -> pattern.contains("[A-Z]{3}") ? "CNY" : pattern.contains("\\d") ? "1200.00" : "示例";
        };
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        StringBuilder text = new StringBuilder(value);
        while (text.length() < min) {
            text.append(value);
        }
        return schema.getMaxLength() != null && text.length() > schema.getMaxLength()
                ? text.substring(0, schema.getMaxLength()) : text.toString();
    }

    private static BigDecimal within(Schema schema, BigDecimal preferred) {
        BigDecimal value = preferred;
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return value;
    }
}
