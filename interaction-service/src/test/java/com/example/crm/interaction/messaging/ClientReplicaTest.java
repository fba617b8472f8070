package com.example.crm.interaction.messaging;

import com.example.crm.platform.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.call;
import static com.example.crm.interaction.InteractionFixtures.clientEvent;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static com.example.crm.interaction.InteractionFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The local replica of clients, built from client-service's events through the real broker. */
@QuarkusTest
class ClientReplicaTest {

    @Inject
    DataSource db;

    @Test
    void an_owner_change_applies_once_even_when_its_event_id_comes_again_with_other_content() {
        String client = knownClient("rep-r1", "换人测试公司");
        String eventId = UUID.randomUUID().toString();
        publish(client, ownerChanged(eventId, client, 1, "rep-r1", "rep-r2"));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r2", "crm-sales").body(call("2026-11-20T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201));

        publish(client, ownerChanged(eventId, client, 2, "rep-r2", "rep-r3")); // a repeat: same id
        publish(client, ownerChanged(UUID.randomUUID().toString(), client, 1, "rep-r2", "rep-r4")); // an old version
        String marker = UUID.randomUUID().toString();
        publish(client, clientEvent(marker, "crm.client.status-changed.v1", client, """
                {"clientId":"%s","version":3,"from":"POTENTIAL","to":"INTENDED","changedBy":"x","changedAt":"%s"}"""
                .formatted(client, Instant.now())));
        await().atMost(WAIT).until(() -> "INTENDED".equals(Sql.value(db, "select status from known_client where id = ?",
                UUID.fromString(client))));
        assertThat(Sql.value(db, "select owner_id from known_client where id = ?", UUID.fromString(client))).isEqualTo("rep-r2");
    }

    @Test
    void a_merged_away_clients_timeline_moves_to_the_survivor_and_it_takes_no_more_writes() {
        String survivor = knownClient("rep-r5", "合并保留");
        String merged = knownClient("rep-r5", "合并移除");
        as("rep-r5", "crm-sales").body(call("2026-11-10T10:00:00Z")).post("/api/v1/clients/" + merged + "/interactions")
                .then().statusCode(201);
        as("rep-r5", "crm-sales").body(call("2026-11-11T10:00:00Z")).post("/api/v1/clients/" + survivor + "/interactions")
                .then().statusCode(201);

        publish(survivor, clientEvent(UUID.randomUUID().toString(), "crm.client.merged.v1", survivor, """
                {"clientId":"%s","version":1,"survivorId":"%s","mergedId":"%s","mergedBy":"rep-r5","mergedAt":"%s"}"""
                .formatted(survivor, survivor, merged, Instant.now())));

        await().atMost(WAIT).untilAsserted(() -> as("rep-r5", "crm-sales").get("/api/v1/clients/" + survivor + "/interactions")
                .then().body("items.occurredAt", contains("2026-11-11T10:00:00Z", "2026-11-10T10:00:00Z")));
        as("rep-r5", "crm-sales").body(call("2026-11-12T10:00:00Z")).post("/api/v1/clients/" + merged + "/interactions")
                .then().statusCode(409).body("mergedInto", equalTo(survivor));
    }

    @Test
    void erasure_scrubs_personal_text_but_keeps_kinds_and_dates() {
        String client = knownClient("rep-r6", "擦除测试个体户");
        as("rep-r6", "crm-sales").body("""
                {"kind":"VISIT","occurredAt":"2026-11-10T10:00:00Z","contactName":"张三","subject":"上门","notes":"家住朝阳区",
                 "nextStep":"再联系张三","checkIn":{"latitude":39.9,"longitude":116.4,"address":"朝阳区某小区","at":"2026-11-10T10:00:00Z"}}""")
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);

        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.erased.v1", client,
                "{\"clientId\":\"" + client + "\"}"));

        await().atMost(WAIT).untilAsserted(() -> as("manager-r", "crm-manager").get("/api/v1/clients/" + client + "/interactions")
                .then().body("items[0].notes", nullValue()));
        as("manager-r", "crm-manager").get("/api/v1/clients/" + client + "/interactions").then()
                .body("items[0].kind", equalTo("VISIT"))
                .body("items[0].occurredAt", equalTo("2026-11-10T10:00:00Z"))
                .body("items[0].subject", nullValue())
                .body("items[0].contactName", nullValue())
                .body("items[0].nextStep", nullValue())
                .body("items[0].checkIn.address", nullValue());
        String row = (String) Sql.value(db, "select coalesce(string_agg(row_to_json(i)::text, ' '), '') from interaction i where client_id = ?",
                UUID.fromString(client));
        assertThat(row).doesNotContain("张三").doesNotContain("朝阳区");
        assertThat(Sql.value(db, "select legal_name from known_client where id = ?", UUID.fromString(client))).isNull();
    }

    @Test
    void a_deleted_client_takes_no_writes_until_restored() {
        String client = knownClient("rep-r7", "删除测试公司");
        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.deleted.v1", client, """
                {"clientId":"%s","version":1,"changedBy":"rep-r7","changedAt":"%s"}""".formatted(client, Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r7", "crm-sales").body(call("2026-11-12T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(409));
        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.restored.v1", client, """
                {"clientId":"%s","version":2,"changedBy":"admin","changedAt":"%s"}""".formatted(client, Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r7", "crm-sales").body(call("2026-11-12T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201));
    }

    private static String ownerChanged(String eventId, String client, int version, String from, String to) {
        return clientEvent(eventId, "crm.client.owner-changed.v1", client, """
                {"clientId":"%s","version":%d,"from":"%s","to":"%s","changedBy":"manager","changedAt":"%s"}"""
                .formatted(client, version, from, to, Instant.now()));
    }
}
