package com.example.crm.e2e;

import com.example.crm.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.example.crm.e2e.Service.CLIENT;
import static com.example.crm.e2e.Service.COMPLAINT;
import static com.example.crm.e2e.Service.INTERACTION;
import static com.example.crm.e2e.Service.SEGMENTATION;
import static com.example.crm.e2e.Users.MANAGER;
import static com.example.crm.e2e.Users.REP;
import static com.example.crm.e2e.Users.SERVICE_DESK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of generated malformed requests against every operation of a service's published OpenAPI document,
 * sent with a token holding every role (so that validation, not authorization, is what refuses them). Each
 * request carries at least one certain defect: a body that is not JSON, of the wrong shape, with a field of the
 * wrong type, an unknown field, no required field, too deep or of the wrong media type; a path id that is not a
 * UUID; a page size or cursor that is not one. Every answer must be a 4xx (a problem document where the body is
 * refused), and nothing may be written anywhere. Path ids name records that exist where the run has one of the
 * kind, so a 404 cannot hide whether the body was validated. The generator is seeded: a failure is reproducible.
 */
@ExtendWith(SuiteStack.class)
@Order(1)
class MalformedRequestStreamTest {

    /** Existing records by the collection their id names (clients, orders, visit-plans, complaints, segments). */
    private static final Map<String, String> EXISTING = new HashMap<>();

    private static final int REQUESTS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVERY_ROLE = Tokens.bearer("fuzz-" + Users.RUN,
            "crm-admin", "crm-manager", "crm-sales", "crm-service", "crm-integration", "crm-auditor");

    record Operation(String method, String path, JsonNode operation, JsonNode bodySchema) {
    }

    record Malformed(String defect, Function<RequestSpecification, Response> send) {
    }

    /**
     * Records the requests name: a defect sent to a missing id may be answered 404 before the body is read, so
     * most requests go to records that exist, where only validation can refuse them.
     */
    @BeforeAll
    static void records_to_address() {
        String client = CLIENT.request(REP).body(Map.of("kind", "COMPANY", "legalName", "畸形请求目标有限公司" + Users.RUN))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        EXISTING.put("clients", client);
        EXISTING.put("orders", await().atMost(Duration.ofSeconds(30)).until(() -> INTERACTION.request(REP)
                .body(Map.of("orderedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString(),
                        "total", Map.of("amount", "100.00", "currency", "CNY")))
                .post("/api/v1/clients/" + client + "/orders"), r -> r.statusCode() == 201).path("id"));
        EXISTING.put("visit-plans", INTERACTION.request(REP)
                .body(Map.of("plannedOn", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()))
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201).extract().path("id"));
        EXISTING.put("complaints", await().atMost(Duration.ofSeconds(30)).until(() -> COMPLAINT.request(SERVICE_DESK)
                .body(Map.of("clientId", client, "channel", "PHONE", "category", "OTHER", "severity", "LOW",
                        "subject", "畸形请求")).post("/api/v1/complaints"), r -> r.statusCode() == 201).path("id"));
        EXISTING.put("segments", SEGMENTATION.request(MANAGER).body(Map.of("name", "畸形请求" + Users.RUN,
                        "rule", Map.of("field", "city", "op", "eq", "value", "苏州市")))
                .post("/api/v1/segments").then().statusCode(201).extract().path("id"));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void a_thousand_malformed_requests_get_4xx_problems_and_write_nothing(Service service) throws Exception {
        JsonNode api = JSON.readTree(service.request(null).get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Operation> operations = operations(api);
        Random random = new Random(31L * service.ordinal() + 7);
        SuiteState before = SuiteState.quiet();

        Map<String, Integer> byDefect = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        while (sent < REQUESTS) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            List<Malformed> candidates = malformed(api, operation, random);
            if (candidates.isEmpty()) {
                continue;
            }
            Malformed request = candidates.get(random.nextInt(candidates.size()));
            RequestSpecification spec = given().baseUri(service.baseUri()).header("Authorization", EVERY_ROLE)
                    .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .urlEncodingEnabled(false);
            Response answer = request.send().apply(spec);
            sent++;
            byDefect.merge(request.defect(), 1, Integer::sum);
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            String what = operation.method() + " " + operation.path() + " [" + request.defect() + "] → " + answer.statusCode();
            if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                failures.add(what + " " + abbreviated(answer.asString()));
            } else if (List.of(400, 413, 415, 422).contains(answer.statusCode())
                    && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                failures.add(what + " without a problem document: " + answer.contentType());
            }
        }
        System.out.printf("%s-service: %d malformed requests over %d operations; by defect %s; by status %s%n",
                service.id, sent, operations.size(), byDefect, byStatus);
        assertThat(failures).as("answers that are not a 4xx problem").isEmpty();
        assertThat(SuiteState.now()).as("nothing written by malformed requests").isEqualTo(before);
    }

    /** Every operation of the document under /api. */
    private static List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode content = method.getValue().path("requestBody").path("content");
                JsonNode schema = content.has("application/json") ? resolve(api, content.path("application/json").path("schema")) : null;
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(), schema));
            }
        }
        return operations;
    }

    /** The malformed variants of one operation; each is refused whatever the rest of the request says. */
    private static List<Malformed> malformed(JsonNode api, Operation op, Random random) {
        List<Malformed> variants = new ArrayList<>();
        String path = withIds(op.path());
        if (op.bodySchema() != null) {
            for (String broken : List.of("{", "{\"a\":}", "[1,2", "{'single':'quotes'}", "\u0000\u0001\u0002", "{\"a\":1}}",
                    "{\"text\":\"\\ud800\"}", "nul", "{\"a\":1,}")) {
                variants.add(body(op, path, "json syntax", "application/json", broken));
            }
            for (String shape : List.of("[]", "42", "\"text\"", "true", "null")) {
                variants.add(body(op, path, "root shape " + shape, "application/json", shape));
            }
            variants.add(body(op, path, "depth", "application/json", "[".repeat(5000) + "]".repeat(5000)));
            variants.add(body(op, path, "depth", "application/json", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
            variants.add(body(op, path, "unknown field", "application/json",
                    "{\"no_such_field_" + random.nextInt(1000) + "\":1}"));
            variants.add(body(op, path, "media type", "text/plain", "{}"));
            variants.add(body(op, path, "media type", "application/xml", "<client/>"));
            if (op.bodySchema().path("required").size() > 0) {
                variants.add(body(op, path, "required missing", "application/json", "{}"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> properties = op.bodySchema().path("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode wrong = wrongValue(resolve(api, property.getValue()), random);
                if (wrong != null) {
                    ObjectNode bodyNode = JSON.createObjectNode();
                    bodyNode.set(property.getKey(), wrong);
                    variants.add(body(op, path, "wrong type", "application/json", bodyNode.toString()));
                }
            }
        }
        if (op.path().matches(".*\\{(id|clientId)}.*")) {
            for (String bad : List.of("not-a-uuid", "%27%20or%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "-1",
                    UUID.randomUUID().toString().substring(1), "x".repeat(3000))) {
                String badPath = withIds(op.path().replaceAll("\\{(id|clientId)}", bad));
                variants.add(new Malformed("path id", spec -> spec.contentType("application/json")
                        .body(op.bodySchema() == null ? "" : "{}").request(op.method(), badPath)));
            }
        }
        for (JsonNode parameter : op.operation().path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            List<String> bad = switch (name) {
                case "limit" -> List.of("abc", "1.5", "99999999999999999999", "%00");
                case "cursor" -> List.of("!!!", "bm90LWEtY3Vyc29y", "%FF%FE");
                default -> badQueryValues(resolve(api, parameter.path("schema")));
            };
            for (String value : bad) {
                String query = path + "?" + name + "=" + value;
                variants.add(new Malformed("query " + name, spec -> spec.contentType("application/json")
                        .body(op.bodySchema() == null ? "" : "{}").request(op.method(), query)));
            }
        }
        return variants;
    }

    private static Malformed body(Operation op, String path, String defect, String mediaType, String body) {
        return new Malformed(defect, spec -> spec.contentType(mediaType).header("If-Match", "\"0\"")
                .body(body).request(op.method(), path));
    }

    /**
     * Path ids filled with records that exist (see {@link #EXISTING}; a random UUID, no such record, for the
     * collections without one); other path parameters with a fixed word.
     */
    private static String withIds(String path) {
        Matcher id = Pattern.compile("/([a-z-]+)/\\{id}").matcher(path);
        String filled = id.find() ? path.replace("{id}", EXISTING.getOrDefault(id.group(1), UUID.randomUUID().toString())) : path;
        return filled.replace("{clientId}", EXISTING.get("clients"))
                .replace("{scope}", "users").replaceAll("\\{[a-zA-Z]+}", "fuzz");
    }

    /** A value of the wrong JSON type (or format) for a schema; null when any value might pass. */
    private static JsonNode wrongValue(JsonNode schema, Random random) {
        if (schema.has("enum")) {
            return JSON.getNodeFactory().textNode("NOT_A_VALUE_" + random.nextInt(100));
        }
        String format = schema.path("format").asText();
        return switch (schema.path("type").asText()) {
            case "string" -> switch (format) {
                case "uuid" -> JSON.getNodeFactory().textNode("not-a-uuid");
                case "date", "date-time" -> JSON.getNodeFactory().textNode("yesterday");
                default -> JSON.createObjectNode().put("nested", random.nextInt());
            };
            case "integer", "number" -> JSON.getNodeFactory().textNode("many");
            case "boolean" -> JSON.getNodeFactory().textNode("perhaps");
            case "array" -> JSON.createObjectNode().put("not", "an array");
            case "object" -> JSON.getNodeFactory().numberNode(random.nextInt());
            default -> null;
        };
    }

    private static List<String> badQueryValues(JsonNode schema) {
        if (schema.has("enum")) {
            return List.of("NOT_A_VALUE");
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> List.of("many");
            case "boolean" -> List.of("perhaps");
            case "string" -> switch (schema.path("format").asText()) {
                case "uuid" -> List.of("not-a-uuid");
                case "date", "date-time" -> List.of(LocalDate.now(ZoneOffset.UTC).getYear() + "-02-30", "noon");
                default -> List.of();
            };
            default -> List.of();
        };
    }

    /** Follows a $ref (one level of the components section is enough for this document). */
    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            current = api.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
