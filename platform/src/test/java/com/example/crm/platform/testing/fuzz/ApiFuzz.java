package com.example.crm.platform.testing.fuzz;

import com.example.crm.platform.testing.ContractValidation;
import com.example.crm.platform.testing.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fuzz run against one service, driven by the OpenAPI document it serves: for every operation, requests a generated
 * client would send and the same mutated — wrong types, missing and extra fields, keys given twice, NUL and control
 * characters, lone surrogates, 100 KB strings, huge and negative numbers, extreme dates, deep nesting, wrong and
 * missing bodies and media types, forged cursors, ids of existing and missing records and no ids at all — sent by an
 * admin, a manager or a sales rep. It holds the service to three rules: no answer is a 5xx; every answer is one the
 * document describes (the {@code ContractValidation} filter, which also holds every accepted request to the document);
 * and a request answered 4xx wrote nothing (every row written in the service's schema is counted by a trigger).
 *
 * <p>The seed is printed at the start and named in every failure: {@code -Dfuzz.seed=…} replays a run,
 * {@code -Dfuzz.requests=…} makes it longer (not under {@code crm.}: the services' configuration mapping refuses
 * unknown {@code crm.*} properties, and a system property reaches the service under test).
 */
public final class ApiFuzz {

    public static final String SEED = "fuzz.seed";
    public static final String REQUESTS = "fuzz.requests";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MARK = "\u2603FUZZ\u2603";

    private final DataSource db;
    private final String schema;
    private final Map<String, List<String>> ids = new HashMap<>();
    private final Set<String> quiet = new HashSet<>(Set.of("outbox:UPDATE", "outbox:DELETE"));
    private Random random;
    private Instances instances;

    private ApiFuzz(DataSource db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    /** A fuzz run against the service under test, whose tables live in {@code schema}. */
    public static ApiFuzz against(DataSource db, String schema) {
        return new ApiFuzz(db, schema);
    }

    /**
     * Records that exist, for a path parameter that follows this collection ({@code clients} for
     * {@code /clients/{id}}) or has this name ({@code clientId}, {@code subject}).
     */
    public ApiFuzz ids(String parameter, String... values) {
        ids.computeIfAbsent(parameter, p -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** Writes that happen on their own, not because of a request ({@code table:OPERATION}). */
    public ApiFuzz quiet(String tableAndOperation) {
        quiet.add(tableAndOperation);
        return this;
    }

    /** Runs {@code fuzz.requests} requests (at least {@code requests}), with {@code fuzz.seed} or a new seed. */
    public void run(int requests) throws SQLException {
        long seed = Long.getLong(SEED, new Random().nextLong());
        int count = Integer.getInteger(REQUESTS, requests);
        System.out.printf("API fuzz of schema %s: %d requests, seed %d (-D%s=%d replays it)%n", schema, count, seed, SEED, seed);
        random = new Random(seed);
        JsonNode doc = document();
        List<Operation> operations = operations(doc);
        List<String> allIds = ids.values().stream().flatMap(List::stream).toList();
        instances = new Instances(doc, random, () -> allIds.isEmpty() ? UUID.randomUUID().toString()
                : allIds.get(random.nextInt(allIds.size())));
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Set<String> accepted = new HashSet<>();
        try (RowWrites writes = new RowWrites(db, schema, quiet)) {
            for (int i = 0; i < count; i++) {
                Operation operation = operations.get(i % operations.size());
                if (i % operations.size() == 0) {
                    Collections.shuffle(operations, random);
                    operation = operations.get(0);
                }
                Sent sent = compose(operation);
                Map<String, Long> before = writes.reading();
                Response answer;
                try {
                    answer = sent.send();
                } catch (AssertionError notInTheDocument) {
                    throw new AssertionError("request %d of seed %d: %s%n%s".formatted(i, seed, sent, notInTheDocument.getMessage()),
                            notInTheDocument);
                }
                int status = answer.statusCode();
                statuses.merge(status, 1, Integer::sum);
                if (status / 100 == 2) {
                    accepted.add(operation.method().toUpperCase(Locale.ROOT) + " " + operation.path());
                }
                if (status >= 500) {
                    throw new AssertionError("request %d of seed %d answered %d: %s%n%s".formatted(i, seed, status, sent,
                            answer.asString()));
                }
                if (status >= 400) {
                    Map<String, Long> after = writes.reading();
                    if (!after.equals(before)) {
                        throw new AssertionError("request %d of seed %d answered %d but wrote rows (%s → %s): %s".formatted(
                                i, seed, status, before, after, sent));
                    }
                }
            }
        }
        System.out.printf("API fuzz of schema %s: %d requests over %d operations, answers by status %s%n", schema, count,
                operations.size(), statuses);
        System.out.printf("API fuzz of schema %s: operations never answered 2xx: %s%n", schema, operations.stream()
                .map(o -> o.method().toUpperCase(Locale.ROOT) + " " + o.path()).filter(o -> !accepted.contains(o)).sorted().toList());
    }

    private static JsonNode document() {
        try {
            return MAPPER.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Operation(String method, String path, JsonNode definition, List<JsonNode> parameters) {
    }

    private List<Operation> operations(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(p -> parameters.add(instancesResolve(doc, p)));
                op.getValue().path("parameters").forEach(p -> parameters.add(instancesResolve(doc, p)));
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue(), parameters));
            }
        }
        return operations;
    }

    private static JsonNode instancesResolve(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** One request, as sent: enough to repeat it by hand. */
    private final class Sent {
        final String method;
        String path;
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        byte[] body;
        String mutation = "none";

        Sent(String method) {
            this.method = method.toUpperCase(Locale.ROOT);
        }

        Response send() {
            RequestSpecification request = RestAssured.given().urlEncodingEnabled(true);
            headers.forEach(request::header);
            query.forEach(request::queryParam);
            if (body != null) {
                request.contentType(contentType).body(body);
            } else if (contentType != null) {
                request.contentType(contentType);
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            Map<String, String> shortQuery = new LinkedHashMap<>();
            query.forEach((name, value) -> shortQuery.put(name, value.length() > 80
                    ? value.substring(0, 80) + "…(" + value.length() + " chars)" : value));
            return "%s %s %s headers %s content-type %s body %s (mutation: %s)".formatted(method,
                    path.length() > 200 ? path.substring(0, 200) + "…" : path, shortQuery,
                    headers.keySet().stream().filter(h -> !h.equals("Authorization")).map(h -> h + "=" + headers.get(h)).toList(),
                    contentType, text.length() > 400 ? text.substring(0, 400) + "…(" + text.length() + " chars)" : text,
                    mutation);
        }
    }

    private Sent compose(Operation operation) {
        Sent sent = new Sent(operation.method());
        sent.headers.put("Authorization", switch (random.nextInt(6)) {
            case 0 -> Tokens.bearer("fuzz-manager", "crm-manager");
            case 1 -> Tokens.bearer("fuzz-rep", "crm-sales");
            case 2 -> Tokens.bearer("fuzz-handler", "crm-service");
            default -> Tokens.bearer("fuzz-admin", "crm-admin");
        });
        Matcher names = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (names.find()) {
            String before = operation.path().substring(0, names.start() - 1);
            names.appendReplacement(path, Matcher.quoteReplacement(
                    pathValue(before.substring(before.lastIndexOf('/') + 1), names.group(1))));
        }
        names.appendTail(path);
        sent.path = path.toString();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "query" -> {
                    if (parameter.path("required").asBoolean() || random.nextInt(3) == 0) {
                        sent.query.put(name, random.nextInt(4) == 0 ? hostileText(instances.resolve(parameter.path("schema")))
                                : queryValue(parameter.path("schema")));
                    }
                }
                case "header" -> header(sent, name);
                default -> { }
            }
        }
        JsonNode content = operation.definition().at("/requestBody/content");
        if (content.isObject() && content.size() > 0) {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            String type = types.get(random.nextInt(types.size()));
            body(sent, type, content.get(type).path("schema"));
        }
        return sent;
    }

    /** An id the fixtures made for this collection ({@code clients/{id}}) or parameter, a missing one, or garbage. */
    private String pathValue(String collection, String name) {
        List<String> known = ids.getOrDefault(collection, ids.getOrDefault(name, List.of()));
        int pick = random.nextInt(10);
        if (pick < 7 && !known.isEmpty()) {
            return known.get(random.nextInt(known.size()));
        }
        if (pick < 9) {
            return UUID.randomUUID().toString();
        }
        return switch (random.nextInt(4)) {
            case 0 -> "not-a-uuid";
            case 1 -> "%00";
            case 2 -> "x".repeat(300);
            default -> "00000000-0000-0000-0000-00000000000%2F";
        };
    }

    private String queryValue(JsonNode declared) {
        JsonNode schema = instances.resolve(declared);
        JsonNode value = instances.valid(declared);
        if ("array".equals(schema.path("type").asText()) && value.isArray()) {
            return value.isEmpty() ? instances.valid(schema.path("items")).asText() : value.get(0).asText();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private String hostileText(JsonNode schema) {
        return switch (random.nextInt(11)) {
            case 0 -> "a\u0000b";
            case 1 -> "x".repeat(5000);
            case 10 -> "长".repeat(300);
            case 2 -> "-1";
            case 3 -> "99999999999999999999";
            case 4 -> "+999999999-12-31";
            case 5 -> "1e-999999";
            case 6 -> Base64.getUrlEncoder().encodeToString("{\"forged\":true,\"after\":\"'; drop table x\"}".getBytes(StandardCharsets.UTF_8));
            case 7 -> "!!!not-base64!!!";
            case 8 -> "\u0001\u001f\u007f";
            default -> "2026-02-30";
        };
    }

    private void header(Sent sent, String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "if-match" -> {
                int pick = random.nextInt(10);
                if (pick < 6) {
                    String etag = currentETag(sent);
                    if (etag != null) {
                        sent.headers.put("If-Match", etag);
                    }
                } else if (pick < 9) {
                    sent.headers.put("If-Match", List.of("\"999999\"", "W/\"1\"", "*", "garbage", "\"\u0001\"").get(random.nextInt(5)));
                }
            }
            case "idempotency-key" -> {
                if (random.nextBoolean()) {
                    sent.headers.put("Idempotency-Key", random.nextInt(5) == 0 ? "k".repeat(300) : "fuzz-" + random.nextInt(20));
                }
            }
            default -> { }
        }
    }

    /** The ETag of the record the path names: the first of the path and its parents that answers one. */
    private String currentETag(Sent sent) {
        String path = sent.path;
        while (path.lastIndexOf('/') > "/api/v1".length()) {
            Response read = ContractValidation.unchecked().header("Authorization", Tokens.bearer("fuzz-admin", "crm-admin"))
                    .get(path);
            if (read.statusCode() == 200 && read.header("ETag") != null) {
                return read.header("ETag");
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return null;
    }

    private void body(Sent sent, String type, JsonNode schema) {
        sent.contentType = type.contains("json") ? type + "; charset=UTF-8" : type;
        if (type.startsWith("text/csv")) {
            sent.body = csv().getBytes(StandardCharsets.UTF_8);
            return;
        }
        JsonNode valid = instances.valid(schema);
        String text = json(valid);
        if (random.nextBoolean()) { // half the bodies as a generated client sends them, half mutated
            String mutated = mutate(sent, valid, text);
            text = mutated == null ? text : mutated;
        }
        switch (random.nextInt(20)) {
            case 0 -> sent.contentType = "text/plain";
            case 1 -> sent.contentType = "application/xml";
            case 2 -> sent.contentType = "application/octet-stream";
            default -> { }
        }
        sent.body = text.getBytes(StandardCharsets.UTF_8);
    }

    private String csv() {
        String[] rows = {"kind,legalName\nCOMPANY,模糊导入公司" + random.nextInt(1000) + "\n",
                "kind,legalName\nCOMPANY,带\u0000空字符\n", "kind,legalName,discount\nCOMPANY,x,1\n", "\u0000\u0001",
                "kind,legalName,foundedOn\nCOMPANY,远古,+999999999-01-01\n", "kind\n" + "\"".repeat(5000)};
        return rows[random.nextInt(rows.length)];
    }

    /** The request body changed in one way a careless or hostile client would; null leaves it as it is. */
    private String mutate(Sent sent, JsonNode valid, String text) {
        List<String> fields = new ArrayList<>();
        if (valid.isObject()) {
            valid.fieldNames().forEachRemaining(fields::add);
        }
        String field = fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
        int kind = random.nextInt(18);
        sent.mutation = List.of("drop-field", "extra-field", "wrong-type", "nul", "lone-surrogate", "100KB-string",
                "huge-number", "negative-number", "extreme-date", "numeric-timestamp", "deep-nesting", "duplicate-key",
                "null-body", "empty-body", "truncated", "not-json", "array-instead", "control-characters").get(kind);
        ObjectNode object = valid.isObject() ? ((ObjectNode) valid).deepCopy() : null;
        switch (kind) {
            case 0 -> {
                if (object == null || field == null) return null;
                object.remove(field);
                return json(object);
            }
            case 1 -> {
                if (object == null) return null;
                object.put("fuzzExtra", 1);
                return json(object);
            }
            case 2 -> {
                if (object == null || field == null) return null;
                JsonNode was = object.get(field);
                if (was.isTextual()) object.put(field, 12345);
                else if (was.isNumber()) object.put(field, "一二三");
                else if (was.isArray()) object.put(field, "not-an-array");
                else object.putArray(field).add(1);
                return json(object);
            }
            case 3, 4, 5, 8, 9, 17 -> {
                if (object == null) return null;
                String target = field == null ? "fuzzText" : field;
                object.put(target, MARK);
                String replacement = switch (kind) {
                    case 3 -> "\"a\\u0000b\"";
                    case 4 -> "\"x\\ud800y\"";
                    case 5 -> "\"" + "长".repeat(100_000) + "\"";
                    case 8 -> List.of("\"+999999999-12-31\"", "\"0000-01-01T00:00:00Z\"", "\"-999999999-01-01\"",
                            "\"2026-02-30\"").get(random.nextInt(4));
                    case 9 -> "123";
                    default -> "\"\\u0001\\u001f\\u007f\"";
                };
                return json(object).replace("\"" + MARK + "\"", replacement);
            }
            case 6, 7 -> {
                if (object == null) return null;
                String target = field == null ? "fuzzNumber" : field;
                object.put(target, MARK);
                String number = kind == 7 ? "-1" : List.of("1e400", "-1e400", "9223372036854775808", "1e-999999",
                        "99999999999999999999999999999999").get(random.nextInt(5));
                return json(object).replace("\"" + MARK + "\"", number);
            }
            case 10 -> {
                return "[".repeat(300) + "]".repeat(300);
            }
            case 11 -> {
                if (object == null || field == null) return null;
                return "{" + json(MAPPER.getNodeFactory().textNode(field)) + ":" + json(object.get(field)) + ","
                        + json(object).substring(1);
            }
            case 12 -> {
                return "null";
            }
            case 13 -> {
                return "";
            }
            case 14 -> {
                return text.substring(0, text.length() / 2);
            }
            case 15 -> {
                return "<client><legalName>x</legalName></client>";
            }
            default -> {
                return "[" + text + "]";
            }
        }
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
