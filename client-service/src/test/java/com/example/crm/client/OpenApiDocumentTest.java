package com.example.crm.client;

import com.example.crm.platform.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** client-service's OpenAPI document tells the truth about its operations (checked as in every service). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documents_real_statuses_typed_bodies_headers_and_problems() {
        JsonNode doc = OpenApiDocument.assertTruthful();
        JsonNode create = doc.at("/paths/~1api~1v1~1clients/post/responses");
        assertThat(create.has("201")).as("a registration answers 201").isTrue();
        assertThat(create.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/ClientView");
        assertThat(create.at("/201/headers").has("Location")).isTrue();
        JsonNode read = doc.at("/paths/~1api~1v1~1clients~1{id}/get/responses/200");
        assertThat(read.at("/content/application~1json/schema/$ref").asText()).endsWith("/ClientView");
        assertThat(read.at("/headers").has("ETag")).as("a read documents the ETag").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1clients~1{id}/delete/responses").has("204")).isTrue();
        JsonNode patch = doc.at("/paths/~1api~1v1~1clients~1{id}/patch/responses");
        assertThat(patch.has("412") && patch.has("428")).as("a patch with If-Match documents 412 and 428").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1clients~1{id}/patch/requestBody/content/application~1merge-patch+json/schema")
                .path("type").toString()).as("a merge patch is a JSON object").contains("object");
    }
}
