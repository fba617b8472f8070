package com.example.crm.segmentation.segments.domain;

import com.example.crm.platform.domain.DomainException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A segment's rule: a JSON tree of {@code and} / {@code or} (arrays) and {@code not} (one rule) over leaves
 * {@code {"field": ..., "op": ..., "value": ...}}. It compiles to a SQL condition whose columns come from a fixed
 * list and whose values are all bind parameters — never text from the rule. Written by hand: the tree is small and
 * the whitelist is the point.
 */
public final class SegmentRule {

    /** Numbers a rule compares with (amounts, counts, scores) stay within what the database's numeric compares exactly. */
    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 12;

    static final int MAX_DEPTH = 10;
    static final int MAX_LEAVES = 100;

    enum Type { TEXT, NUMBER, INSTANT, TAGS }

    private record Field(String sql, Type type) {
    }

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("industry", new Field("p.industry", Type.TEXT)),
            Map.entry("province", new Field("p.province", Type.TEXT)),
            Map.entry("city", new Field("p.city", Type.TEXT)),
            Map.entry("status", new Field("p.status", Type.TEXT)),
            Map.entry("ownerId", new Field("p.owner_id", Type.TEXT)),
            Map.entry("relationshipLevel", new Field("p.relationship_level", Type.TEXT)),
            Map.entry("tags", new Field("p.tags", Type.TAGS)),
            Map.entry("abcClass", new Field("c.abc_class", Type.TEXT)),
            Map.entry("valueTier", new Field("c.value_tier", Type.TEXT)),
            Map.entry("churnRisk", new Field("c.churn_risk", Type.TEXT)),
            Map.entry("rfmSegment", new Field("c.rfm_segment", Type.TEXT)),
            Map.entry("rfmCode", new Field("(c.rfm_r::text || c.rfm_f::text || c.rfm_m::text)", Type.TEXT)),
            Map.entry("churnScore", new Field("c.churn_score", Type.NUMBER)),
            Map.entry("revenue", new Field("cast(c.abc_reason ->> 'revenue' as numeric)", Type.NUMBER)),
            Map.entry("contacts", new Field("coalesce(cf.contacts, 0)", Type.NUMBER)),
            Map.entry("lastContactAt", new Field("cf.last_contact_at", Type.INSTANT)));

    /** The SQL condition and its parameters, in order ({@code ?1}, {@code ?2}, ...). */
    public record Compiled(String condition, List<Object> parameters) {
    }

    private final List<Object> parameters = new ArrayList<>();
    private final List<DomainException.InvalidValue.Reason> errors = new ArrayList<>();
    private int leaves;

    private SegmentRule() {
    }

    /** Compiles a rule; 400 problems name the offending node, e.g. {@code rule.and[1].op}. */
    public static Compiled compile(JsonNode rule) {
        SegmentRule compiler = new SegmentRule();
        String sql = compiler.node(rule, "rule", 0);
        if (!compiler.errors.isEmpty()) {
            throw new DomainException.InvalidValue("the rule is not valid", compiler.errors);
        }
        return new Compiled(sql, List.copyOf(compiler.parameters));
    }

    public static List<String> fields() {
        return FIELDS.keySet().stream().sorted().toList();
    }

    private String node(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return error(path, "nests deeper than " + MAX_DEPTH);
        }
        if (node == null || !node.isObject() || node.size() == 0) {
            return error(path, "must be an object: and, or, not, or a field condition");
        }
        if (node.has("and") || node.has("or")) {
            String op = node.has("and") ? "and" : "or";
            JsonNode items = node.get(op);
            if (node.size() != 1 || !items.isArray() || items.isEmpty()) {
                return error(path + "." + op, "must be the only member and a non-empty array");
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                parts.add(node(items.get(i), path + "." + op + "[" + i + "]", depth + 1));
            }
            return "(" + String.join(" " + op + " ", parts) + ")";
        }
        if (node.has("not")) {
            if (node.size() != 1) {
                return error(path + ".not", "must be the only member");
            }
            return "(not coalesce(" + node(node.get("not"), path + ".not", depth + 1) + ", false))";
        }
        return leaf(node, path);
    }

    private String leaf(JsonNode node, String path) {
        if (++leaves > MAX_LEAVES) {
            return error(path, "a rule has at most " + MAX_LEAVES + " conditions");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("field", "op", "value").contains(name)) {
                return error(path + "." + name, "is not part of a condition (field, op, value)");
            }
        }
        Field field = FIELDS.get(node.path("field").asText(""));
        if (field == null) {
            return error(path + ".field", "must be one of " + fields());
        }
        String op = node.path("op").asText("");
        JsonNode value = node.get("value");
        return switch (field.type()) {
            case TEXT -> switch (op) {
                case "eq" -> field.sql() + " = " + param(text(value, path));
                case "ne" -> field.sql() + " is distinct from " + param(text(value, path));
                case "in" -> inList(field.sql(), textArray(value, path));
                default -> error(path + ".op", "for " + node.get("field").asText() + " must be eq, ne or in");
            };
            case NUMBER -> switch (op) {
                case "eq" -> field.sql() + " = " + param(number(value, path));
                case "gte" -> field.sql() + " >= " + param(number(value, path));
                case "lte" -> field.sql() + " <= " + param(number(value, path));
                case "between" -> field.sql() + " between " + param(number(value == null ? null : value.get(0), path))
                        + " and " + param(number(value == null ? null : value.get(1), path));
                default -> error(path + ".op", "for " + node.get("field").asText() + " must be eq, gte, lte or between");
            };
            case INSTANT -> switch (op) {
                case "gte" -> field.sql() + " >= " + param(instant(value, path));
                case "lte" -> field.sql() + " <= " + param(instant(value, path));
                case "between" -> field.sql() + " between " + param(instant(value == null ? null : value.get(0), path))
                        + " and " + param(instant(value == null ? null : value.get(1), path));
                default -> error(path + ".op", "for " + node.get("field").asText() + " must be gte, lte or between");
            };
            case TAGS -> op.equals("contains")
                    ? field.sql() + " @> jsonb_build_array(cast(" + param(text(value, path)) + " as text))"
                    : error(path + ".op", "for tags must be contains");
        };
    }

    private String inList(String sql, String[] values) {
        if (values == null) {
            return "false";
        }
        List<String> placeholders = new ArrayList<>();
        for (String value : values) {
            placeholders.add(param(value));
        }
        return sql + " in (" + String.join(", ", placeholders) + ")";
    }

    private String param(Object value) {
        if (value == null) {
            return "null";
        }
        parameters.add(value);
        return "?" + parameters.size();
    }

    private String text(JsonNode value, String path) {
        if (value == null || !value.isTextual() || value.asText().length() > 200) {
            error(path + ".value", "must be a string of at most 200 characters");
            return null;
        }
        return value.asText();
    }

    private String[] textArray(JsonNode value, String path) {
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > 100) {
            error(path + ".value", "must be an array of 1 to 100 strings");
            return null;
        }
        String[] out = new String[value.size()];
        for (int i = 0; i < value.size(); i++) {
            out[i] = text(value.get(i), path + "[" + i + "]");
        }
        return out;
    }

    private BigDecimal number(JsonNode value, String path) {
        if (value == null || !(value.isNumber() || value.isTextual())) {
            error(path + ".value", "must be a number or a decimal string");
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.asText()).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            error(path + ".value", "must be a number or a decimal string");
            return null;
        }
        if (number.scale() > MAX_FRACTION_DIGITS || number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            error(path + ".value", "must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_FRACTION_DIGITS + " after the decimal point");
            return null;
        }
        return number;
    }

    private Instant instant(JsonNode value, String path) {
        String text = value == null ? "" : value.asText("");
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            error(path + ".value", "must be a date (yyyy-MM-dd) or an ISO 8601 instant");
            return null;
        }
    }

    private String error(String path, String message) {
        errors.add(new DomainException.InvalidValue.Reason(path, message));
        return "false";
    }
}
