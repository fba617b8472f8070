package com.example.crm.interaction.visits.messaging;

import com.example.crm.contract.segment.SegmentEventExamples;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.ConsumerGroups;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.example.crm.interaction.InteractionFixtures.EVENTS;
import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.allPublishedFor;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.kafka;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Segmentation's value tier on crm.segment.v1 sets the default cadence; a manual one always wins. */
@QuarkusTest
class SegmentCadenceTest {

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    @Test
    void a_key_tier_client_gets_a_weekly_supervisor_cadence_once_even_when_the_classification_repeats() {
        String client = knownClient("rep-s1", "重点客户公司");
        ConsumerGroups.awaitAssigned(kafka(), "interaction-service", "crm.segment.v1", Duration.ofSeconds(60));
        Instant computedAt = Instant.parse(TestTime.day(-13) + "T01:00:00Z");
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            classify(client, "A", "KEY", computedAt);
            await().atMost(WAIT).untilAsserted(() -> as("rep-s1", "crm-sales").get("/api/v1/clients/" + client + "/cadence")
                    .then().statusCode(200).body("weekly", equalTo(true)).body("attendeeLevel", equalTo("SUPERVISOR"))
                    .body("source", equalTo("SEGMENT")));
            classify(client, "A", "KEY", computedAt);                      // the same classification again
            classify(client, "A", "KEY", computedAt.plusSeconds(3600));     // a later run, same tier
            classify(client, "B", "ORDINARY", computedAt.minusSeconds(60)); // an older run arriving late
            await().atMost(WAIT).untilAsserted(() -> as("rep-s1", "crm-sales").get("/api/v1/clients/" + client + "/brief")
                    .then().body("client.classifiedAt", equalTo(TestTime.day(-13) + "T02:00:00Z"))
                    .body("client.valueTier", equalTo("KEY")).body("client.abcClass", equalTo("A")));

            List<JsonNode> events = topic.await(r -> r.key().equals(client), 2, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("crm.interaction.cadence-changed.v1", "crm.interaction.visit-planned.v1");
            assertThat(events.get(0).at("/data/intervalDays").asInt()).isEqualTo(7);
            assertThat(events.get(0).at("/data/source").asText()).isEqualTo("SEGMENT");
            assertThat(events.get(1).at("/data/attendeeLevel").asText()).isEqualTo("SUPERVISOR");
            assertThat(allPublishedFor(topic, db, client)).as("no further cadence change").hasSize(2);
        }
    }

    @Test
    void a_manual_cadence_wins_over_the_key_tier_and_leaving_key_removes_only_the_default() {
        String manual = knownClient("rep-s2", "手动节奏公司");
        String byTier = knownClient("rep-s2", "默认节奏公司");
        ConsumerGroups.awaitAssigned(kafka(), "interaction-service", "crm.segment.v1", Duration.ofSeconds(60));
        as("rep-s2", "crm-sales").body("{\"intervalDays\":40}").put("/api/v1/clients/" + manual + "/cadence")
                .then().statusCode(200);
        Instant at = Instant.parse(TestTime.day(-12) + "T01:00:00Z");
        classify(manual, "A", "KEY", at);
        classify(byTier, "A", "KEY", at);
        await().atMost(WAIT).untilAsserted(() -> as("rep-s2", "crm-sales").get("/api/v1/clients/" + byTier + "/cadence")
                .then().statusCode(200).body("source", equalTo("SEGMENT")));
        as("rep-s2", "crm-sales").get("/api/v1/clients/" + manual + "/cadence").then()
                .body("intervalDays", equalTo(40)).body("source", equalTo("MANUAL"));

        classify(manual, "B", "ORDINARY", at.plusSeconds(60));
        classify(byTier, "B", "ORDINARY", at.plusSeconds(60));
        await().atMost(WAIT).untilAsserted(() -> as("rep-s2", "crm-sales").get("/api/v1/clients/" + byTier + "/cadence")
                .then().statusCode(404));
        as("rep-s2", "crm-sales").get("/api/v1/clients/" + manual + "/cadence").then().statusCode(200)
                .body("intervalDays", equalTo(40));

        // removing the manual cadence of a KEY client falls back to the weekly default
        classify(manual, "A", "KEY", at.plusSeconds(120));
        await().atMost(WAIT).untilAsserted(() -> as("rep-s2", "crm-sales").get("/api/v1/clients/" + manual + "/brief")
                .then().body("client.valueTier", equalTo("KEY")));
        as("rep-s2", "crm-sales").delete("/api/v1/clients/" + manual + "/cadence").then().statusCode(200)
                .body("source", equalTo("SEGMENT")).body("intervalDays", equalTo(7));
    }

    private static void classify(String client, String abc, String tier, Instant computedAt) {
        ClientEventsForTests.publish(kafka(), "crm.segment.v1", client,
                SegmentEventExamples.classified(client, abc, tier, computedAt, TestTime.now()));
    }
}
