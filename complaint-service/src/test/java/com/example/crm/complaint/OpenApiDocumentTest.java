package com.example.crm.complaint;

import com.example.crm.platform.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** complaint-service's OpenAPI document tells the truth about its operations (checked as in every service). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documents_real_statuses_typed_bodies_headers_and_problems() {
        JsonNode doc = OpenApiDocument.assertTruthful();
        JsonNode intake = doc.at("/paths/~1api~1v1~1complaints/post/responses");
        assertThat(intake.has("201")).as("an intake answers 201").isTrue();
        assertThat(intake.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/ComplaintView");
    }
}
