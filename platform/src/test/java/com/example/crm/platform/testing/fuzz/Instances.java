package com.example.crm.platform.testing.fuzz;

import com.example.crm.platform.testing.TestTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.curiousoddman.rgxgen.RgxGen;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Values an OpenAPI schema allows, made up at random: what a client generated from the document would send. */
final class Instances {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final JsonNode doc;
    private final Random random;
    private final Supplier<String> anyId;

    Instances(JsonNode doc, Random random, Supplier<String> anyId) {
        this.doc = doc;
        this.random = random;
        this.anyId = anyId;
    }

    /** A schema with its {@code $ref} (and a single {@code allOf} wrapping one) followed. */
    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10; i++) {
            if (schema.has("$ref")) {
                schema = doc.at(schema.get("$ref").asText().substring(1));
            } else if (schema.path("allOf").size() == 1 && !schema.has("properties")) {
                schema = schema.get("allOf").get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    JsonNode valid(JsonNode schema) {
        return valid(schema, 0);
    }

    private JsonNode valid(JsonNode declared, int depth) {
        JsonNode schema = resolve(declared);
        if (declared.has("example") && random.nextInt(3) > 0) {
            return declared.get("example");
        }
        if (schema.has("example") && random.nextInt(3) > 0) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    JsonNode property = schema.get("properties").get(name);
                    if (property.path("readOnly").asBoolean() || resolve(property).path("readOnly").asBoolean()) {
                        continue;
                    }
                    if (required.contains(name) || depth < 3 && random.nextInt(3) == 0) {
                        object.set(name, valid(property, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int items = Math.max(schema.path("minItems").asInt(0), depth < 3 ? random.nextInt(3) : 0);
                for (int i = 0; i < items; i++) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? Math.min(schema.get("maximum").asLong(), min + 100) : min + 100;
                return JSON.numberNode(min + (long) (random.nextDouble() * (max - min)));
            }
            case "number" -> {
                double min = schema.path("minimum").asDouble(0);
                return JSON.numberNode(BigDecimal.valueOf(min + 1 + random.nextInt(50)).add(new BigDecimal("0.25")));
            }
            case "boolean" -> {
                return JSON.booleanNode(random.nextBoolean());
            }
            case "string" -> {
                return JSON.textNode(text(schema));
            }
            default -> {
                return JSON.objectNode();
            }
        }
    }

    /** A whole match of the (Java) pattern within {@code maxLength}, or null after a few tries. */
    private String matching(String pattern, int maxLength) {
        RgxGen generator = RgxGen.parse(pattern);
        for (int i = 0; i < 5; i++) {
            String value = generator.generate(random);
            if (value.length() <= maxLength && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A string of the schema's format, one matching its pattern, or one of its length. */
    String text(JsonNode schema) {
        String format = schema.path("format").asText();
        return switch (format) {
            case "date" -> TestTime.day(random.nextInt(60) - 30).toString();
            case "date-time" -> DateTimeFormatter.ISO_INSTANT.format(TestTime.now().plusSeconds(random.nextInt(7200) - 3600L));
            case "uuid" -> random.nextInt(4) == 0 ? UUID.randomUUID().toString() : anyId.get();
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.com";
            default -> {
                String pattern = schema.path("pattern").asText();
                if (pattern.contains("[A-Z]{3}")) {
                    yield "CNY";
                }
                if (pattern.contains("\\d")) {
                    yield (1 + random.nextInt(900)) + ".50";
                }
                if (!pattern.isEmpty() && !pattern.equals("\\S")) {
                    String matching = matching(pattern, schema.path("maxLength").asInt(Integer.MAX_VALUE));
                    if (matching != null) {
                        yield matching;
                    }
                }
                int min = schema.path("minLength").asInt(1);
                int max = Math.max(min, Math.min(schema.path("maxLength").asInt(24), 24));
                StringBuilder text = new StringBuilder("模糊");
                while (text.length() < min + random.nextInt(max - min + 1)) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                yield text.length() > max ? text.substring(0, max) : text.toString();
            }
        };
    }
}
