package com.example.crm.client;

import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.EVENTS;
import static com.example.crm.client.ClientFixtures.MERGE_PATCH;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What client-service really puts on crm.client.v1, read back with a plain Kafka consumer: CloudEvents
 * envelopes whose data match the documented schemas (client-contract), keyed and ordered per client.
 */
@QuarkusTest
class ClientEventContractTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void registered_updated_and_status_changed_events_match_their_contract_in_order_per_client() {
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            String id = register("rep-events", company("合同校验科技有限公司"));
            String rep = "rep-events";
            as(rep, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body(Map.of("shortName", "合同校验", "address", Map.of("city", "天津市"),
                            "finance", Map.of("bankAccount", "9999 8888 7777 6666")))
                    .patch(CLIENTS + "/" + id).then().statusCode(200);
            as(rep, "crm-sales").header("If-Match", "\"1\"").body(Map.of("to", "INTENDED", "reason", "有采购意向"))
                    .post(CLIENTS + "/" + id + "/transitions").then().statusCode(200);

            List<ConsumerRecord<String, String>> records = topic.await(r -> r.key().equals(id), 3, Duration.ofSeconds(30));
            List<JsonNode> events = records.stream().map(r -> EVENTS.assertValid(r.value())).toList();

            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                    "crm.client.registered.v1", "crm.client.updated.v1", "crm.client.status-changed.v1");
            assertThat(events).extracting(e -> e.at("/data/version").asLong()).containsExactly(0L, 1L, 2L);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("subject").asText()).isEqualTo(id);
                assertThat(e.get("source").asText()).isEqualTo("/crm/client-service");
                assertThat(e.at("/data/clientId").asText()).isEqualTo(id);
            });
            assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("content-type").value(),
                    StandardCharsets.UTF_8)).startsWith("application/cloudevents+json"));

            JsonNode updated = events.get(1).get("data");
            assertThat(updated.get("changedFields")).extracting(JsonNode::asText)
                    .containsExactly("address.city", "finance.bankAccount", "shortName");
            assertThat(updated.get("changes").get("address.city").asText()).isEqualTo("天津市");
            assertThat(updated.get("changes").has("finance.bankAccount")).as("bank details stay out of events").isFalse();
            assertThat(events.get(2).at("/data/from").asText()).isEqualTo("POTENTIAL");
            assertThat(events.get(2).at("/data/to").asText()).isEqualTo("INTENDED");
            assertThat(events.get(0).toString()).doesNotContain("6222");
        }
    }

    @Test
    void the_contracts_example_events_for_consumers_tests_match_the_schemas() {
        java.time.Instant at = com.example.crm.platform.testing.TestTime.now();
        String client = java.util.UUID.randomUUID().toString();
        List.of(com.example.crm.contract.client.ClientEventExamples.registered(client, "rep-1", "华信", "POTENTIAL", at),
                com.example.crm.contract.client.ClientEventExamples.registered(client, "rep-1", "east", "华信", "POTENTIAL", at),
                com.example.crm.contract.client.ClientEventExamples.departmentOpened("east", "华东区", at),
                com.example.crm.contract.client.ClientEventExamples.memberPlaced("rep-1", "east", 3, at),
                com.example.crm.contract.client.ClientEventExamples.teamOfOne(client, "rep-2", "EDIT", at))
                .forEach(EVENTS::assertValid);
    }
}
