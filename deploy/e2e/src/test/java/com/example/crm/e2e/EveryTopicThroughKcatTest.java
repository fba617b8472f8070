package com.example.crm.e2e;

import com.example.crm.platform.testing.EventContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a consumer outside the suite sees: every record of every topic, read with kcat (a Kafka client no one
 * here wrote) and parsed with the CloudEvents SDK's JSON format, must be a valid CloudEvents 1.0 event in
 * structured mode whose {@code data} matches the JSON Schema its service documents. Runs last, after the journeys
 * and the fault run, so the topics hold every kind of event a client's life produces and every event written while
 * services were killed, the broker was away and the database stopped.
 */
@ExtendWith(SuiteStack.class)
@Order(5)
class EveryTopicThroughKcatTest {

    @Test
    void every_record_on_every_topic_is_a_valid_cloudevent_matching_its_documented_schema() throws Exception {
        List<String> topics = Kcat.topics();
        assertThat(topics).contains("crm.client.v1", "crm.interaction.v1", "crm.complaint.v1", "crm.segment.v1");
        Map<Service, EventContract> contracts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            contracts.put(service, EventContract.of(service.topic));
        }
        Set<String> types = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (String topic : topics) {
            Service service = Service.ofTopic(topic);
            for (JsonNode record : Kcat.consume(topic)) {
                counts.merge(topic, 1, Integer::sum);
                String where = topic + "/" + record.path("partition").asInt() + "@" + record.path("offset").asLong();
                try {
                    String payload = record.path("payload").asText();
                    CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                            .deserialize(payload.getBytes(StandardCharsets.UTF_8));
                    assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
                    assertThat(mediaType(header(record, "content-type"))).as("content-type header").isEqualTo(JsonFormat.CONTENT_TYPE);
                    assertThat(event.getSource()).hasToString("/crm/" + service.id + "-service");
                    assertThat(event.getTime()).as("time").isNotNull();
                    assertThat(event.getSubject()).as("subject is the record key").isEqualTo(record.path("key").asText());
                    contracts.get(service).assertValid(payload);
                    types.add(event.getType());
                } catch (AssertionError | RuntimeException e) {
                    violations.add(where + ": " + e.getMessage());
                }
            }
        }
        assertThat(violations).as("records that are not valid events of their contract").isEmpty();
        assertThat(topics.stream().filter(t -> t.endsWith(".dlq")).mapToInt(t -> counts.getOrDefault(t, 0)).sum())
                .as("dead letters").isZero();
        assertThat(types).as("the event types of a client's life").contains(
                "crm.client.registered.v1", "crm.client.status-changed.v1", "crm.client.merged.v1", "crm.client.erased.v1",
                "crm.interaction.contact-logged.v1", "crm.interaction.order-placed.v1", "crm.interaction.payment-recorded.v1",
                "crm.interaction.payment-overdue.v1", "crm.interaction.cadence-changed.v1",
                "crm.complaint.received.v1", "crm.complaint.escalated.v1", "crm.complaint.sla-breached.v1",
                "crm.complaint.acknowledged.v1", "crm.complaint.resolved.v1", "crm.complaint.survey-answered.v1",
                "crm.complaint.reopened.v1", "crm.segment.client-classified.v1");
    }

    private static String header(JsonNode record, String name) {
        JsonNode headers = record.path("headers");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (headers.get(i).asText().equalsIgnoreCase(name)) {
                return headers.get(i + 1).asText();
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].trim();
    }
}
