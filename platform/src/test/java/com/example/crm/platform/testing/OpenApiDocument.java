package com.example.crm.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an integrator generating a client from a service's OpenAPI document relies on, checked the same way in every
 * service: a server, a unique operationId per operation, typed success answers (no empty schema), free JSON values
 * not documented as Jackson's getters, arrays with their items, schema names no generator had to number, and
 * every problem answer documented as
 * problem+json with the Problem schema (404 wherever the path names a record), and every JSON request body with an
 * example its own schema accepts.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiDocument() {
    }

    /** Reads the running service's document, checks it, and returns it for the service's own assertions. */
    public static JsonNode assertTruthful() {
        assertThat(io.restassured.RestAssured.filters()).as("every rest-assured request is checked against the document")
                .anyMatch(ContractValidation.class::isInstance);
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(doc.path("servers")).as("servers").isNotEmpty();
        assertThat(doc.at("/components/schemas/Problem/properties").has("type")).as("the Problem schema").isTrue();
        assertThat(doc.at("/components/schemas/JsonNode/properties").isMissingNode())
                .as("free JSON values are documented as such, not as the getters of Jackson's JsonNode").isTrue();
        List<String> arraysWithoutItems = new ArrayList<>();
        for (var schema = doc.at("/components/schemas").fields(); schema.hasNext(); ) {
            var entry = schema.next();
            for (var property = entry.getValue().path("properties").fields(); property.hasNext(); ) {
                var p = property.next();
                if (p.getValue().path("type").toString().contains("array") && p.getValue().path("items").isMissingNode()) {
                    arraysWithoutItems.add(entry.getKey() + "." + p.getKey());
                }
            }
        }
        assertThat(arraysWithoutItems).as("array properties without items").isEmpty();
        List<String> numbered = new ArrayList<>();
        doc.at("/components/schemas").fieldNames().forEachRemaining(name -> {
            if (Character.isDigit(name.charAt(name.length() - 1))) {
                numbered.add(name);
            }
        });
        assertThat(numbered).as("schema names a generator numbered because two types share a simple name "
                + "(name one with @Schema(name = ...))").isEmpty();
        Set<String> ids = new HashSet<>();
        List<String> undocumented = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        int operations = 0;
        for (Op op : operations(doc)) {
            operations++;
            String name = op.name();
            JsonNode operation = op.node();
            String id = operation.path("operationId").asText();
            assertThat(id).as("operationId of " + name).isNotBlank();
            assertThat(ids.add(id)).as("unique operationId of " + name).isTrue();
            List<String> problems = new ArrayList<>(List.of("400", "401", "403", "503"));
            if (op.path().contains("{")) {
                problems.add("404");
            }
            for (String status : problems) {
                JsonNode schema = operation.at("/responses/" + status + "/content/application~1problem+json/schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    undocumented.add(name + " " + status);
                }
            }
            for (var response = operation.path("responses").fields(); response.hasNext(); ) {
                var answer = response.next();
                JsonNode json = answer.getValue().at("/content/application~1json/schema");
                if (answer.getKey().startsWith("2") && !json.isMissingNode() && json.isEmpty()) {
                    untyped.add(name + " " + answer.getKey());
                }
            }
        }
        assertThat(operations).as("operations").isGreaterThan(3);
        assertThat(examplesNotAccepted(doc)).as("JSON request bodies without an example, or with one their schema "
                + "refuses (set @Schema(example = ...) on the input's fields, or examples on the operation)").isEmpty();
        assertThat(undocumented).as("problem answers without the Problem schema").isEmpty();
        assertThat(untyped).as("success answers documented as an empty schema").isEmpty();
        return doc;
    }

    /** Each JSON request body's example checked against its operation's body schema; what is missing or refused. */
    private static List<String> examplesNotAccepted(JsonNode doc) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(doc.toString()).build();
        List<String> refused = new ArrayList<>();
        for (Op op : operations(doc)) {
            for (var media = op.node().at("/requestBody/content").fields(); media.hasNext(); ) {
                var type = media.next();
                if (!type.getKey().contains("json")) {
                    continue;
                }
                String name = op.name() + " (" + type.getKey() + ")";
                JsonNode example = type.getValue().path("example");
                if (example.isMissingNode()) {
                    refused.add(name + ": no example");
                    continue;
                }
                String address = op.path().replaceAll("\\{[^}]+}", "0b6f3c2e-5d1a-4f8e-9c47-2a1e6d9b7f30");
                ValidationReport report = validator.validateRequest(new SimpleRequest.Builder(
                        Request.Method.valueOf(op.method().toUpperCase(Locale.ROOT)), address)
                        .withContentType(type.getKey()).withBody(example.toString()).build());
                report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .filter(m -> m.getKey().startsWith("validation.request.body"))
                        .forEach(m -> refused.add(name + ": " + m.getMessage() + " in " + example));
            }
        }
        return refused;
    }

    /** An operation of the document: its method (lower case), path and node. */
    private record Op(String method, String path, JsonNode node) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static List<Op> operations(JsonNode doc) {
        List<Op> operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new Op(entry.getKey(), item.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }
}
