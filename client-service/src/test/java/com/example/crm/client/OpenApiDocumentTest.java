package com.example.crm.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an integrator generating a client from the OpenAPI document relies on: a unique operationId per operation,
 * a server, typed success answers with their real status and headers, and every problem answer documented as
 * problem+json with the Problem schema.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void every_operation_has_a_unique_id_and_documents_its_problem_answers_with_the_problem_schema() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        assertThat(doc.path("servers")).isNotEmpty();
        assertThat(doc.at("/components/schemas/Problem/properties").has("type")).isTrue();
        Set<String> ids = new HashSet<>();
        List<String> undocumented = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        int operations = 0;
        for (var path = doc.path("paths").fields(); path.hasNext(); ) {
            var item = path.next();
            for (var op = item.getValue().fields(); op.hasNext(); ) {
                var entry = op.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase() + " " + item.getKey();
                JsonNode operation = entry.getValue();
                assertThat(operation.path("operationId").asText()).as("operationId of " + name).isNotBlank();
                assertThat(ids.add(operation.path("operationId").asText())).as("unique operationId of " + name).isTrue();
                for (String status : List.of("400", "401", "403", "503")) {
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
                if (item.getKey().contains("{")
                        && operation.at("/responses/404/content/application~1problem+json").isMissingNode()) {
                    undocumented.add(name + " 404");
                }
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(undocumented).as("problem answers without the Problem schema").isEmpty();
        assertThat(untyped).as("success answers documented as an empty schema").isEmpty();
        JsonNode create = doc.at("/paths/~1api~1v1~1clients/post/responses");
        assertThat(create.has("201")).as("a registration answers 201").isTrue();
        assertThat(create.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/ClientView");
        assertThat(create.at("/201/headers").has("Location")).isTrue();
        JsonNode read = doc.at("/paths/~1api~1v1~1clients~1{id}/get/responses/200");
        assertThat(read.at("/content/application~1json/schema/$ref").asText()).endsWith("/ClientView");
        assertThat(read.at("/headers").has("ETag")).as("a read documents the ETag").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1clients~1{id}/delete/responses").has("204")).isTrue();
        JsonNode patch = doc.at("/paths/~1api~1v1~1clients~1{id}/patch/responses");
        assertThat(patch.has("412")).as("a patch with If-Match documents 412").isTrue();
        assertThat(patch.has("428")).as("and 428").isTrue();
    }
}
