package com.example.crm.platform.api;

import com.example.crm.platform.json.StrictJson;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The bounds the services enforce, written into their OpenAPI documents where a schema states none, so that a
 * client knows them and a linter can check them (OWASP API4, unrestricted resource consumption): text in a body at
 * most {@link StrictJson#MAX_TEXT} characters and lists at most {@link StrictJson#MAX_ITEMS} items (refused with 400
 * by {@code StrictJson}); a page at most {@link Page#MAX_LIMIT} items; a path or query parameter at most 4096
 * characters (the HTTP server's longest request line, 414 beyond); integers within their format's range.
 */
final class OpenApiLimits {

    static final int LONGEST_REQUEST_LINE = 4096;

    private OpenApiLimits() {
    }

    static void document(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> requested = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    eachSchema(operation.getRequestBody().getContent(), s -> reachable(s, components, requested));
                    eachSchema(operation.getRequestBody().getContent(),
                            s -> bound(s, components, StrictJson.MAX_TEXT, true, new HashSet<>()));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(answer -> eachSchema(answer.getContent(),
                            s -> bound(s, components, StrictJson.MAX_TEXT, false, new HashSet<>())));
                }
                parameters(operation);
            }));
        }
        if (components != null) {
            components.forEach((name, schema) -> {
                bound(schema, components, StrictJson.MAX_TEXT, requested.contains(name), new HashSet<>());
                if (name.startsWith("Page") && schema.getProperties() != null && schema.getProperties().get("items") != null) {
                    schema.getProperties().get("items").maxItems(Page.MAX_LIMIT);
                }
            });
        }
    }

    private static void parameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getSchema() != null && parameter.getIn() != Parameter.In.COOKIE) {
                bound(parameter.getSchema(), Map.of(), LONGEST_REQUEST_LINE, true, new HashSet<>());
            }
        }
    }

    /** The schemas of the JSON media types (a CSV body is streamed: no length limit). */
    private static void eachSchema(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().forEach((type, media) -> {
                if (type.contains("json") && media.getSchema() != null) {
                    action.accept(media.getSchema());
                }
            });
        }
    }

    /** The names of the component schemas a request body may hold. */
    private static void reachable(Schema schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (names.add(name) && components != null) {
                reachable(components.get(name), components, names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reachable(p, components, names));
        }
        reachable(schema.getItems(), components, names);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> reachable(s, components, names));
        }
    }

    /** Sets the bounds {@code schema} and its inline parts leave open; {@code listsBounded}: a request may hold it. */
    private static void bound(Schema schema, Map<String, Schema> components, int longestText, boolean listsBounded,
                              Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null) {
            if (schema.getDescription() != null || schema.getExample() != null
                    || schema.getExamples() != null && !schema.getExamples().isEmpty()) {
                // a property referring to a component with its own description or example: written as allOf: [$ref]
                boundWrapper(schema, components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)),
                        longestText);
            }
            return;
        }
        Schema wrapped = wrapped(schema, components);
        if (wrapped != null && wrapped.getEnumeration() != null && schema.getMaxLength() == null) {
            // a property wrapping an enumeration (allOf: [$ref], for its description): its longest value
            schema.maxLength(wrapped.getEnumeration().stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(0));
        } else if ((is(schema, Schema.SchemaType.STRING) || wrapped != null && is(wrapped, Schema.SchemaType.STRING))
                && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            schema.maxLength(wrapped != null && wrapped.getMaxLength() != null ? wrapped.getMaxLength() : longestText);
        }
        if (is(schema, Schema.SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.format("int64");
            }
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                schema.minimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.maximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (is(schema, Schema.SchemaType.ARRAY) && schema.getMaxItems() == null && listsBounded) {
            schema.maxItems(StrictJson.MAX_ITEMS);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> bound(p, components, longestText, listsBounded, seen));
        }
        bound(schema.getItems(), components, longestText, listsBounded, seen);
        bound(schema.getAdditionalPropertiesSchema(), components, longestText, listsBounded, seen);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> bound(s, components, longestText, listsBounded, seen));
        }
    }

    private static void boundWrapper(Schema property, Schema component, int longestText) {
        if (component == null || property.getMaxLength() != null) {
            return;
        }
        if (component.getEnumeration() != null) {
            property.maxLength(component.getEnumeration().stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(0));
        } else if (is(component, Schema.SchemaType.STRING)) {
            property.maxLength(component.getMaxLength() != null ? component.getMaxLength() : longestText);
        }
    }

    /** The component a property wraps ({@code allOf: [{$ref}]}, as the generator writes one with a description). */
    static Schema wrapped(Schema schema, Map<String, Schema> components) {
        if (schema.getAllOf() == null || schema.getAllOf().size() != 1 || schema.getAllOf().get(0).getRef() == null
                || components == null) {
            return null;
        }
        String ref = schema.getAllOf().get(0).getRef();
        return components.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    static boolean is(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
