package com.example.crm.complaint.messaging;

import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.example.crm.complaint.ComplaintFixtures.HANDLER;
import static com.example.crm.complaint.ComplaintFixtures.WAIT;
import static com.example.crm.complaint.ComplaintFixtures.acknowledge;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.db;
import static com.example.crm.complaint.ComplaintFixtures.intake;
import static com.example.crm.complaint.ComplaintFixtures.kafka;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The client replica from crm.client.v1: merged clients' complaints follow the survivor; erasure scrubs words. */
@QuarkusTest
class ComplaintReplicaTest {

    @Test
    void a_merged_away_clients_complaints_move_to_the_survivor_and_it_takes_no_new_ones() {
        String survivor = knownClient("投诉合并保留");
        String merged = knownClient("投诉合并移除");
        String id = complaint(merged, "LOW");
        ClientEventsForTests.publish(kafka(), "crm.client.v1", survivor, ClientEventsForTests.clientEvent(
                UUID.randomUUID().toString(), "crm.client.merged.v1", survivor, """
                        {"clientId":"%s","version":1,"survivorId":"%s","mergedId":"%s","mergedBy":"m","mergedAt":"%s"}"""
                        .formatted(survivor, survivor, merged, Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("clientId", equalTo(survivor)));
        as("handler-1", HANDLER).body(intake(merged, "LOW")).post("/api/v1/complaints").then().statusCode(409)
                .body("mergedInto", equalTo(survivor));
    }

    @Test
    void erasure_scrubs_the_customers_words_and_findings_but_keeps_categories_times_and_levels() {
        String client = knownClient("擦除投诉个体户");
        String id = complaint(client, "HIGH");
        acknowledge(id);
        ClientEventsForTests.publish(kafka(), "crm.client.v1", client, ClientEventsForTests.clientEvent(
                UUID.randomUUID().toString(), "crm.client.erased.v1", client, "{\"clientId\":\"" + client + "\"}"));
        await().atMost(WAIT).untilAsserted(() -> as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("customerWords", nullValue()));
        as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("subject", equalTo("(erased)"))
                .body("acknowledgement.customerAccount", nullValue())
                .body("category", equalTo("DELIVERY"))
                .body("severity", equalTo("HIGH"))
                .body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());
        String row = (String) Sql.value(db(), "select row_to_json(c)::text from complaint.complaint c where id = ?",
                UUID.fromString(id));
        assertThat(row).doesNotContain("王经理").doesNotContain("客户说明了延迟情况");
    }
}
