package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.TestClock;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.example.crm.complaint.ComplaintFixtures.EVENTS;
import static com.example.crm.complaint.ComplaintFixtures.HANDLER;
import static com.example.crm.complaint.ComplaintFixtures.WAIT;
import static com.example.crm.complaint.ComplaintFixtures.acknowledge;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.classify;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.etag;
import static com.example.crm.complaint.ComplaintFixtures.kafka;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * SLA clocks and the escalation ladder, with the service's clock moved forward instead of waiting: warning at 80%,
 * breach at 100%, one more level a target later; pause and resume; a tier change tightening the clock; two scans at
 * once escalating each step once.
 */
@QuarkusTest
class SlaEscalationTest {

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalations;

    @Test
    void an_unanswered_complaint_climbs_the_ladder_once_per_step_even_with_two_scans_at_once() throws Exception {
        String client = knownClient("阶梯升级公司");
        String id = complaint(client, "MEDIUM"); // first response 8h, resolution 72h
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.complaint.v1")) {
            clock.advance(Duration.ofMinutes(6 * 60 + 25)); // 80% of 8h is 6h24m
            scanTwiceAtOnce();
            level(id, "SUPERVISOR");
            clock.advance(Duration.ofMinutes(100)); // past 8h
            scanTwiceAtOnce();
            level(id, "MANAGER");
            as("m", "crm-manager").get("/api/v1/complaints/" + id).then().body("sla.firstResponseBreached", equalTo(true));
            clock.advance(Duration.ofHours(8)); // 16h: one target later
            scanTwiceAtOnce();
            escalations.scan();
            level(id, "EXECUTIVE");

            List<JsonNode> events = topic.await(r -> r.key().equals(client)
                            && !r.value().contains("crm.complaint.received.v1"), 4, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText() + " " + e.at("/data/reason").asText(""))
                    .containsExactly("crm.complaint.escalated.v1 FIRST_RESPONSE_WARNING",
                            "crm.complaint.escalated.v1 FIRST_RESPONSE_BREACH",
                            "crm.complaint.sla-breached.v1 ",
                            "crm.complaint.escalated.v1 FIRST_RESPONSE_OVERDUE");
            assertThat(events.get(2).at("/data/clock").asText()).isEqualTo("FIRST_RESPONSE");
        }
        as("m", "crm-manager").get("/api/v1/complaints/" + id + "/history").then()
                .body("items.findAll { it.action == 'ESCALATED' }.detail.level",
                        contains("SUPERVISOR", "MANAGER", "EXECUTIVE"));
        as("m", "crm-manager").get("/api/v1/complaints?escalationLevel=EXECUTIVE&clientId=" + client).then()
                .body("items.id", contains(id));
    }

    @Test
    void waiting_on_the_customer_pauses_the_resolution_clock_and_answering_moves_its_due_time() {
        String client = knownClient("暂停时钟公司");
        String id = complaint(client, "HIGH"); // resolution 24h
        acknowledge(id);
        Instant due = Instant.parse(as("m", "crm-manager").get("/api/v1/complaints/" + id).then().extract().path("sla.resolutionDueAt"));
        as("handler-1", HANDLER).header("If-Match", etag(id)).body("{\"waiting\":true}")
                .put("/api/v1/complaints/" + id + "/waiting").then().statusCode(200)
                .body("waitingOnCustomer", equalTo(true)).body("sla.nextEscalationAt", equalTo(null));
        clock.advance(Duration.ofHours(30)); // longer than the whole target: paused, nothing happens
        escalations.scan();
        level(id, "NONE");
        as("handler-1", HANDLER).header("If-Match", etag(id)).body("{\"waiting\":false}")
                .put("/api/v1/complaints/" + id + "/waiting").then().statusCode(200);
        Instant moved = Instant.parse(as("m", "crm-manager").get("/api/v1/complaints/" + id).then().extract().path("sla.resolutionDueAt"));
        assertThat(Duration.between(due, moved)).isBetween(Duration.ofHours(30), Duration.ofHours(30).plusSeconds(5));
        clock.advance(Duration.ofHours(19)); // 19h of running time: below 80% of 24h
        escalations.scan();
        level(id, "NONE");
        clock.advance(Duration.ofHours(1)); // 20h > 19.2h
        escalations.scan();
        level(id, "SUPERVISOR");
    }

    @Test
    void a_client_becoming_key_tightens_the_clock_of_its_open_complaints() {
        String client = knownClient("升级重点客户公司");
        String id = complaint(client, "LOW"); // first response 24h; 12h for a key client
        as("m", "crm-manager").get("/api/v1/complaints/" + id).then().body("sla.policy", equalTo("LOW"));
        classify(client, "A", "KEY", TestTime.now());
        await().atMost(WAIT).untilAsserted(() -> as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("sla.policy", equalTo("LOW/KEY")));
        clock.advance(Duration.ofHours(13)); // past 12h, far from 24h
        escalations.scan();
        level(id, "MANAGER");
        as("m", "crm-manager").get("/api/v1/complaints/" + id + "/history").then()
                .body("items.action", org.hamcrest.Matchers.hasItem("SLA_RETARGETED"));
        // a new complaint of the key client starts with the stricter targets
        String next = complaint(client, "LOW");
        as("m", "crm-manager").get("/api/v1/complaints/" + next).then().body("sla.policy", equalTo("LOW/KEY"));
    }

    private void scanTwiceAtOnce() throws Exception {
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(escalations::scan);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(escalations::scan);
        a.get();
        b.get();
    }

    private static void level(String id, String level) {
        as("m", "crm-manager").get("/api/v1/complaints/" + id).then().body("sla.escalationLevel", equalTo(level));
    }
}
