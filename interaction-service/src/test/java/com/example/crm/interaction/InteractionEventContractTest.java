package com.example.crm.interaction;

import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.example.crm.interaction.InteractionFixtures.EVENTS;
import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.kafka;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;

/** What interaction-service really puts on crm.interaction.v1, against the documented schema. */
@QuarkusTest
class InteractionEventContractTest {

    @Test
    void a_logged_contact_emits_contact_logged_keyed_by_client_without_personal_text() {
        String client = knownClient("rep-e1", "事件契约测试公司");
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            String id = as("rep-e1", "crm-sales").body("""
                    {"kind":"VISIT","occurredAt":"%sT10:30:00+08:00","notes":"机密备注","nextContactOn":"%s",
                     "checkIn":{"latitude":31.23,"longitude":121.47,"at":"%sT10:30:00+08:00"}}"""
                    .formatted(TestTime.day(-13), TestTime.day(-6), TestTime.day(-13)))
                    .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201).extract().path("id");

            var record = topic.await(r -> r.key().equals(client), 1, WAIT).get(0);
            JsonNode event = EVENTS.assertValid(record.value());
            assertThat(event.get("type").asText()).isEqualTo("crm.interaction.contact-logged.v1");
            assertThat(event.get("subject").asText()).isEqualTo(client);
            assertThat(event.at("/data/interactionId").asText()).isEqualTo(id);
            assertThat(event.at("/data/occurredAt").asText()).isEqualTo(TestTime.day(-13) + "T02:30:00Z");
            assertThat(event.at("/data/checkedIn").asBoolean()).isTrue();
            assertThat(record.value()).doesNotContain("机密备注");
        }
    }

    @Test
    void a_cancelled_plan_emits_visit_cancelled_without_its_purpose() {
        String client = knownClient("rep-e2", "取消计划契约公司");
        String day = TestTime.today().plusDays(1).toString();
        String plan = as("rep-e2", "crm-sales").body("{\"plannedOn\":\"" + day + "\",\"purpose\":\"机密目的\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201).extract().path("id");
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            as("rep-e2", "crm-sales").header("If-Match", "\"0\"").body("{\"reason\":\"改期\"}")
                    .post("/api/v1/visit-plans/" + plan + "/cancellation").then().statusCode(200);
            var record = topic.await(r -> r.key().equals(client), 1, WAIT).get(0);
            JsonNode event = EVENTS.assertValid(record.value());
            assertThat(event.get("type").asText()).isEqualTo("crm.interaction.visit-cancelled.v1");
            assertThat(event.at("/data/plannedOn").asText()).isEqualTo(day);
            assertThat(record.value()).doesNotContain("机密目的").doesNotContain("改期");
        }
    }
}
