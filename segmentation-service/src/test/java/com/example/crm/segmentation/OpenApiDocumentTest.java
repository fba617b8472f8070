package com.example.crm.segmentation;

import com.example.crm.platform.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** segmentation-service's OpenAPI document tells the truth about its operations (checked as in every service). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documents_real_statuses_typed_bodies_headers_and_problems() {
        JsonNode doc = OpenApiDocument.assertTruthful();
        assertThat(doc.at("/paths/~1api~1v1~1segments/post/responses").has("201")).as("a new segment is 201").isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1segments~1{id}/delete/responses").has("204")).isTrue();
    }
}
