package com.example.crm.interaction;

import com.example.crm.interaction.visits.domain.Cadence;
import com.example.crm.platform.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** interaction-service's OpenAPI document tells the truth about its operations (checked as in every service). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documents_real_statuses_typed_bodies_headers_and_problems() {
        JsonNode doc = OpenApiDocument.assertTruthful();
        JsonNode log = doc.at("/paths/~1api~1v1~1clients~1{clientId}~1interactions/post/responses");
        assertThat(log.has("201")).as("logging a contact answers 201").isTrue();
        assertThat(log.at("/201/headers").has("Idempotent-Replayed")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1orders~1{id}/get/responses/200/headers").has("ETag")).isTrue();
        List<String> sources = new ArrayList<>();
        doc.at("/components/schemas/CadenceView/properties/source/enum").forEach(v -> sources.add(v.asText()));
        assertThat(sources).as("a cadence's source, documented inline (a visit plan's Source has the name)")
                .containsExactly(Arrays.stream(Cadence.Source.values()).map(Enum::name).toArray(String[]::new));
    }
}
