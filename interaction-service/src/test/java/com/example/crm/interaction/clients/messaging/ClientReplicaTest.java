package com.example.crm.interaction.clients.messaging;

import com.example.crm.platform.testing.DeadLetters;
import com.example.crm.platform.testing.EventContract;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.awaitClientConsumer;
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

    /** client-service's documented event schemas: the events written here by hand must be the ones it emits. */
    private static final EventContract CLIENT_CONTRACT =
            EventContract.of("crm.client.v1");

    @Inject
    DataSource db;

    @Test
    void an_owner_change_applies_once_even_when_its_event_id_comes_again_with_other_content() {
        String client = knownClient("rep-r1", "换人测试公司");
        String eventId = UUID.randomUUID().toString();
        publish(client, ownerChanged(eventId, client, 1, "rep-r1", "rep-r2"));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r2", "crm-sales").body(call(TestTime.day(-13) + "T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201));

        publish(client, ownerChanged(eventId, client, 2, "rep-r2", "rep-r3")); // a repeat: same id
        publish(client, ownerChanged(UUID.randomUUID().toString(), client, 1, "rep-r2", "rep-r4")); // an old version
        String marker = UUID.randomUUID().toString();
        publish(client, clientEvent(marker, "crm.client.status-changed.v1", client, """
                {"clientId":"%s","version":3,"from":"POTENTIAL","to":"INTENDED","changedBy":"x","changedAt":"%s"}"""
                .formatted(client, TestTime.now())));
        await().atMost(WAIT).until(() -> "INTENDED".equals(Sql.value(db, "select status from known_client where id = ?",
                UUID.fromString(client))));
        assertThat(Sql.value(db, "select owner_id from known_client where id = ?", UUID.fromString(client))).isEqualTo("rep-r2");
    }

    @Test
    void a_merged_away_clients_timeline_moves_to_the_survivor_and_it_takes_no_more_writes() {
        String survivor = knownClient("rep-r5", "合并保留");
        String merged = knownClient("rep-r5", "合并移除");
        as("rep-r5", "crm-sales").body(call(TestTime.day(-23) + "T10:00:00Z")).post("/api/v1/clients/" + merged + "/interactions")
                .then().statusCode(201);
        as("rep-r5", "crm-sales").body(call(TestTime.day(-22) + "T10:00:00Z")).post("/api/v1/clients/" + survivor + "/interactions")
                .then().statusCode(201);

        publish(survivor, clientEvent(UUID.randomUUID().toString(), "crm.client.merged.v1", survivor, """
                {"clientId":"%s","version":1,"survivorId":"%s","mergedId":"%s","mergedBy":"rep-r5","mergedAt":"%s"}"""
                .formatted(survivor, survivor, merged, TestTime.now())));

        await().atMost(WAIT).untilAsserted(() -> as("rep-r5", "crm-sales").get("/api/v1/clients/" + survivor + "/interactions")
                .then().body("items.occurredAt", contains(TestTime.day(-22) + "T10:00:00Z", TestTime.day(-23) + "T10:00:00Z")));
        as("rep-r5", "crm-sales").body(call(TestTime.day(-21) + "T10:00:00Z")).post("/api/v1/clients/" + merged + "/interactions")
                .then().statusCode(409).body("mergedInto", equalTo(survivor));
    }

    @Test
    void erasure_scrubs_personal_text_but_keeps_kinds_and_dates() {
        String client = knownClient("rep-r6", "擦除测试个体户");
        as("rep-r6", "crm-sales").body("""
                {"kind":"VISIT","occurredAt":"%sT10:00:00Z","contactName":"张三","subject":"上门","notes":"家住朝阳区",
                 "nextStep":"再联系张三","checkIn":{"latitude":39.9,"longitude":116.4,"address":"朝阳区某小区","at":"%sT10:00:00Z"}}"""
                    .formatted(TestTime.day(-23), TestTime.day(-23)))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        // an event of this client the broker could never take, kept by the outbox relay with its personal text
        DeadLetters.seed(db, "crm.interaction.v1", client, "crm.interaction.contact-logged.v1", "{\"notes\": \"家住朝阳区\"}");

        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.erased.v1", client,
                "{\"clientId\":\"" + client + "\"}"));

        await().atMost(WAIT).untilAsserted(() -> as("manager-r", "crm-manager").get("/api/v1/clients/" + client + "/interactions")
                .then().body("items[0].notes", nullValue()));
        assertThat(DeadLetters.of(db, client)).as("the client's undeliverable events").isZero();
        as("manager-r", "crm-manager").get("/api/v1/clients/" + client + "/interactions").then()
                .body("items[0].kind", equalTo("VISIT"))
                .body("items[0].occurredAt", equalTo(TestTime.day(-23) + "T10:00:00Z"))
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
                {"clientId":"%s","version":1,"changedBy":"rep-r7","changedAt":"%s"}""".formatted(client, TestTime.now())));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r7", "crm-sales").body(call(TestTime.day(-21) + "T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(409));
        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.restored.v1", client, """
                {"clientId":"%s","version":2,"changedBy":"admin","changedAt":"%s"}""".formatted(client, TestTime.now())));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r7", "crm-sales").body(call(TestTime.day(-21) + "T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201));
    }

    /** How fast is measured by the event-lag benchmark (deploy/bench), not asserted here: this machine is shared. */
    @Test
    void a_client_registered_in_client_service_is_usable_here_from_its_event_alone() {
        awaitClientConsumer();
        String client = UUID.randomUUID().toString();
        long published = System.nanoTime();
        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.registered.v1", client, """
                {"clientId":"%s","version":0,"kind":"COMPANY","legalName":"秒级可用公司","status":"POTENTIAL",
                 "ownerId":"rep-r8","tags":[],"registeredAt":"%s"}""".formatted(client, TestTime.now())));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                as("rep-r8", "crm-sales").body(call(TestTime.day(-13) + "T10:00:00Z"))
                        .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201));
        System.out.printf("client usable %d ms after its event was published%n", (System.nanoTime() - published) / 1_000_000);
    }

    @Test
    void a_new_owner_takes_over_open_plans_and_a_client_returned_to_the_pool_has_them_cancelled() {
        String client = knownClient("rep-r9", "交接计划公司");
        String plan = plan("rep-r9", client);
        publish(client, ownerChanged(UUID.randomUUID().toString(), client, 1, "rep-r9", "rep-r10"));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r10", "crm-sales").get("/api/v1/visit-plans/" + plan)
                .then().body("assigneeId", equalTo("rep-r10")).body("status", equalTo("PLANNED")));
        // what client-service emits when a client goes back to a pool (checked against its documented contract):
        // owner-changed to no owner, then returned-to-pool
        String pool = UUID.randomUUID().toString();
        String toNoOwner = clientEvent(UUID.randomUUID().toString(), "crm.client.owner-changed.v1", client, """
                {"clientId":"%s","version":2,"from":"rep-r10","to":null,"reason":"无意向","changedBy":"rep-r10",
                 "changedAt":"%s"}""".formatted(client, TestTime.now()));
        String returned = clientEvent(UUID.randomUUID().toString(), "crm.client.returned-to-pool.v1", client, """
                {"clientId":"%s","version":2,"poolId":"%s","previousOwnerId":"rep-r10","reasonCode":"RETURNED",
                 "reason":"无意向","changedBy":"rep-r10","returnedAt":"%s"}""".formatted(client, pool, TestTime.now()));
        CLIENT_CONTRACT.assertValid(toNoOwner);
        CLIENT_CONTRACT.assertValid(returned);
        publish(client, toNoOwner);
        publish(client, returned);
        await().atMost(WAIT).untilAsserted(() -> as("manager-r", "crm-manager").get("/api/v1/visit-plans/" + plan)
                .then().body("status", equalTo("CANCELLED")));
    }

    @Test
    void a_merged_away_clients_orders_payments_and_plans_follow_the_survivor() {
        String survivor = knownClient("rep-r11", "合并订单保留");
        String merged = knownClient("rep-r11", "合并订单移除");
        String order = as("rep-r11", "crm-sales")
                .body("{\"orderedAt\":\"" + TestTime.day(-32) + "T09:00:00Z\",\"total\":{\"amount\":\"100.00\",\"currency\":\"CNY\"}}")
                .post("/api/v1/clients/" + merged + "/orders").then().statusCode(201).extract().path("id");
        as("rep-r11", "crm-sales").body("""
                {"amount":{"amount":"40.00","currency":"CNY"},"paidAt":"%sT09:00:00Z","method":"CASH"}"""
                    .formatted(TestTime.day(-31)))
                .post("/api/v1/orders/" + order + "/payments").then().statusCode(201);
        String plan = plan("rep-r11", merged);

        publish(survivor, clientEvent(UUID.randomUUID().toString(), "crm.client.merged.v1", survivor, """
                {"clientId":"%s","version":1,"survivorId":"%s","mergedId":"%s","mergedBy":"rep-r11","mergedAt":"%s"}"""
                .formatted(survivor, survivor, merged, TestTime.now())));
        await().atMost(WAIT).untilAsserted(() -> as("rep-r11", "crm-sales").get("/api/v1/clients/" + survivor + "/orders")
                .then().body("items.id", contains(order)));
        as("rep-r11", "crm-sales").get("/api/v1/clients/" + survivor + "/receivables").then()
                .body("totals[0].outstanding.amount", equalTo("60.00"));
        as("rep-r11", "crm-sales").get("/api/v1/clients/" + survivor + "/payments").then().body("items.size()", equalTo(1));
        as("rep-r11", "crm-sales").get("/api/v1/visit-plans/" + plan).then().body("clientId", equalTo(survivor));
    }

    @Test
    void erasure_scrubs_plan_purposes_and_payment_references_and_cancels_open_plans_but_keeps_amounts() {
        String client = knownClient("rep-r12", "擦除回款个体户");
        String order = as("rep-r12", "crm-sales")
                .body("{\"orderedAt\":\"" + TestTime.day(-32) + "T09:00:00Z\",\"total\":{\"amount\":\"100.00\",\"currency\":\"CNY\"}}")
                .post("/api/v1/clients/" + client + "/orders").then().statusCode(201).extract().path("id");
        as("rep-r12", "crm-sales").body("""
                {"amount":{"amount":"40.00","currency":"CNY"},"paidAt":"%sT09:00:00Z","method":"CASH","reference":"李四代付"}"""
                    .formatted(TestTime.day(-31)))
                .post("/api/v1/orders/" + order + "/payments").then().statusCode(201);
        String plan = plan("rep-r12", client);
        publish(client, clientEvent(UUID.randomUUID().toString(), "crm.client.erased.v1", client,
                "{\"clientId\":\"" + client + "\"}"));
        await().atMost(WAIT).untilAsserted(() -> as("manager-r", "crm-manager").get("/api/v1/visit-plans/" + plan)
                .then().body("status", equalTo("CANCELLED")).body("purpose", nullValue()));
        as("manager-r", "crm-manager").get("/api/v1/clients/" + client + "/payments").then()
                .body("items[0].reference", nullValue()).body("items[0].amount.amount", equalTo("40.00"));
    }

    private static String plan(String rep, String client) {
        return as(rep, "crm-sales").body("{\"plannedOn\":\"" + TestTime.today()
                        .plusDays(2) + "\",\"purpose\":\"见王五\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201).extract().path("id");
    }

    private static String ownerChanged(String eventId, String client, int version, String from, String to) {
        return clientEvent(eventId, "crm.client.owner-changed.v1", client, """
                {"clientId":"%s","version":%d,"from":"%s","to":"%s","changedBy":"manager","changedAt":"%s"}"""
                .formatted(client, version, from, to, TestTime.now()));
    }
}
