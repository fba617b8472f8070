package com.example.crm.segmentation;

import com.example.crm.contract.client.ClientEventExamples;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.ConsumerGroups;
import com.example.crm.platform.testing.EventContract;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.Tokens;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Events in → projection → classification run → classification events out, against real PostgreSQL and Kafka;
 * ABC boundaries, ties, zero revenue, currencies and RFM quintiles with hand-computed expectations.
 */
@QuarkusTest
class SegmentationRunTest {

    static final EventContract EVENTS = EventContract.of("crm.segment.v1");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static RequestSpecification manager() {
        return given().header("Authorization", Tokens.bearer("manager-s", "crm-manager")).contentType(ContentType.JSON);
    }

    /** Each test classifies the whole population: it starts from an empty projection. */
    @BeforeEach
    void emptyProjection() {
        Projections.empty(db);
    }

    @Test
    void abc_splits_at_exactly_80_and_95_percent_with_ties_by_id_and_zero_revenue_as_c() {
        // revenues 50, 30, 10, 5, 3, 2 and 0 (total 100): cumulative 50, 80, 90, 95, 98, 100
        String[] ids = new String[7];
        int[] revenue = {50, 30, 10, 5, 3, 2, 0};
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "00000000-0000-0000-0000-00000000000" + i;
            client(ids[i], "EXISTING", null);
            if (revenue[i] > 0) {
                order(ids[i], revenue[i] + ".00", "CNY", 10 + i, false);
            }
        }
        order(ids[6], "9999.00", "USD", 5, false);  // another currency: not converted, not counted
        order(ids[5], "9999.00", "CNY", 5, true);   // cancelled: not counted
        order(ids[4], "9999.00", "CNY", 500, false); // outside the 12-month window

        manager().post("/api/v1/runs").then().statusCode(201).body("clients", equalTo(7)).body("changed", equalTo(7));
        String[] expected = {"A", "A", "B", "B", "C", "C", "C"};
        for (int i = 0; i < ids.length; i++) {
            manager().get("/api/v1/clients/" + ids[i] + "/classification").then().statusCode(200)
                    .body("abc.abcClass", equalTo(expected[i]));
        }
        manager().get("/api/v1/clients/" + ids[1] + "/classification").then()
                .body("abc.reason.rank", equalTo(2))
                .body("abc.reason.share", equalTo(0.3f))
                .body("abc.reason.cumulativeShare", equalTo(0.8f))
                .body("valueTier.tier", equalTo("KEY"))
                .body("valueTier.reason", equalTo("class A"));
        manager().get("/api/v1/clients/" + ids[6] + "/classification").then()
                .body("rfm.code", equalTo("111")).body("rfm.segment", equalTo("NO_PURCHASES"))
                .body("valueTier.tier", equalTo("ORDINARY"));
        manager().get("/api/v1/classifications?abcClass=A").then().body("items.size()", equalTo(2));
        Sql.update(db, "update segmentation.client_profile set owner_id = 'rep-other' where client_id = ?", UUID.fromString(ids[1]));
        manager().get("/api/v1/classifications?abcClass=A&ownerId=rep-s").then()
                .body("items.clientId", contains(ids[0]));
        manager().get("/api/v1/classifications?ownerId=rep-other").then()
                .body("items.clientId", contains(ids[1]));
        manager().get("/api/v1/classifications?abcClass=D").then().statusCode(400);
    }

    @Test
    void equal_revenues_split_by_client_id_a_single_client_is_a_and_rfm_ties_share_a_score() {
        client("00000000-0000-0000-0000-0000000000a1", "EXISTING", null);
        order("00000000-0000-0000-0000-0000000000a1", "100.00", "CNY", 3, false);
        manager().post("/api/v1/runs").then().statusCode(201);
        manager().get("/api/v1/clients/00000000-0000-0000-0000-0000000000a1/classification").then()
                .body("abc.abcClass", equalTo("A")).body("rfm.code", equalTo("555"));

        // two equal revenues of 40 and one of 20: the first by id reaches 40% (A), the second 80% (A), the last C
        client("00000000-0000-0000-0000-0000000000b1", "EXISTING", null);
        client("00000000-0000-0000-0000-0000000000b2", "EXISTING", null);
        Sql.update(db, "delete from segmentation.order_fact");
        order("00000000-0000-0000-0000-0000000000a1", "20.00", "CNY", 3, false);
        order("00000000-0000-0000-0000-0000000000b1", "40.00", "CNY", 3, false);
        order("00000000-0000-0000-0000-0000000000b2", "40.00", "CNY", 3, false);
        manager().post("/api/v1/runs").then().statusCode(201).body("changed", equalTo(3)); // two new, a1 from A to C
        manager().get("/api/v1/clients/00000000-0000-0000-0000-0000000000b1/classification").then()
                .body("abc.abcClass", equalTo("A")).body("abc.reason.rank", equalTo(1))
                .body("rfm.m", equalTo(5));
        manager().get("/api/v1/clients/00000000-0000-0000-0000-0000000000b2/classification").then()
                .body("abc.abcClass", equalTo("A")).body("abc.reason.rank", equalTo(2))
                .body("rfm.m", equalTo(5)); // the same revenue, the same monetary score
        manager().get("/api/v1/clients/00000000-0000-0000-0000-0000000000a1/classification").then()
                .body("abc.abcClass", equalTo("C")).body("valueTier.tier", equalTo("ORDINARY"));
    }

    @Test
    void churn_risk_adds_each_factors_points_and_names_them_in_the_reason() {
        String id = "00000000-0000-0000-0000-0000000000c1";
        client(id, "EXISTING", null);
        // orders every 30 days, the last 100 days ago: 3.3 intervals late → 30 points
        order(id, "100.00", "CNY", 160, false);
        order(id, "100.00", "CNY", 130, false);
        order(id, "100.00", "CNY", 100, false);
        Sql.update(db, "insert into segmentation.overdue_instalment values (gen_random_uuid(), ?, 50, 'CNY')", UUID.fromString(id));
        Sql.update(db, "insert into segmentation.complaint_fact (complaint_id, client_id, received_at, open, breached, survey_gap) "
                + "values (gen_random_uuid(), ?, ?, true, true, -3)", UUID.fromString(id), Projections.now());
        manager().post("/api/v1/runs").then().statusCode(201);
        // 30 recency + 20 trend (nothing in the last 90 days against 200 before) + 15 overdue + 20 complaints + 10 gap
        manager().get("/api/v1/clients/" + id + "/classification").then()
                .body("churn.score", equalTo(95)).body("churn.risk", equalTo("HIGH"))
                .body("churn.reason.recency", equalTo(30)).body("churn.reason.revenueTrend", equalTo(20))
                .body("churn.reason.overdue", equalTo(15)).body("churn.reason.complaints", equalTo(20))
                .body("churn.reason.satisfaction", equalTo(10)).body("churn.reason.missed", equalTo(0));
    }

    @Test
    void events_in_make_the_projection_a_run_announces_only_changes_and_the_same_event_twice_counts_once() {
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", "crm.interaction.v1", Duration.ofSeconds(60));
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", "crm.client.v1", Duration.ofSeconds(60));
        String client = UUID.randomUUID().toString();
        ClientEventsForTests.publish(kafka(), "crm.client.v1", client,
                ClientEventExamples.registered(client, "rep-s", "事件投影公司", "EXISTING", TestTime.now()));
        await().atMost(WAIT).until(() -> Sql.count(db, "select count(*) from segmentation.client_profile where client_id = ?",
                UUID.fromString(client)) == 1);
        String orderEvent = interactionEvent(UUID.randomUUID().toString(), "crm.interaction.order-placed.v1", client, """
                {"clientId":"%s","orderId":"%s","occurredAt":"%s","amount":"1200.50","currency":"CNY","lineCount":0,
                 "productCategories":[]}""".formatted(client, UUID.randomUUID(), TestTime.now().minus(3, ChronoUnit.DAYS)));
        ClientEventsForTests.publish(kafka(), "crm.interaction.v1", client, orderEvent);
        ClientEventsForTests.publish(kafka(), "crm.interaction.v1", client, orderEvent); // the same event again
        // a contact counts up: applied twice, the same event would count two contacts (an order's key would hide it)
        String contactEvent = interactionEvent(UUID.randomUUID().toString(), "crm.interaction.contact-logged.v1", client, """
                {"clientId":"%s","interactionId":"%s","kind":"VISIT","direction":"OUTBOUND","occurredAt":"%s",
                 "staffId":"rep-s","attendeeLevel":"SALES","outcome":"POSITIVE","checkedIn":false}"""
                .formatted(client, UUID.randomUUID(), TestTime.now().minus(2, ChronoUnit.DAYS)));
        ClientEventsForTests.publish(kafka(), "crm.interaction.v1", client, contactEvent);
        ClientEventsForTests.publish(kafka(), "crm.interaction.v1", client, contactEvent);
        String poison = interactionEvent(UUID.randomUUID().toString(), "crm.interaction.order-placed.v1", client,
                "{\"clientId\":\"" + client + "\",\"orderId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"yesterday\"}");
        try (TopicReader dlq = TopicReader.fromEnd(kafka(), "crm.interaction.v1.dlq")) {
            ClientEventsForTests.publish(kafka(), "crm.interaction.v1", client, poison);
            assertThat(dlq.await(r -> r.value().contains("yesterday"), 1, WAIT)).hasSize(1);
        }
        // the poison came after the repeats on the client's partition: they were processed
        assertThat(Sql.count(db, "select count(*) from segmentation.order_fact where client_id = ?",
                UUID.fromString(client))).isEqualTo(1);
        assertThat(Sql.value(db, "select contacts from segmentation.contact_fact where client_id = ?",
                UUID.fromString(client))).as("contacts of one event delivered twice").isEqualTo(1);

        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.segment.v1")) {
            String firstRun = manager().post("/api/v1/runs").then().statusCode(201).body("changed", equalTo(1))
                    .body("counts.abc.A", equalTo(1)).body("id", notNullValue()).extract().path("id");
            JsonNode event = EVENTS.assertValid(topic.await(r -> r.key().equals(client), 1, WAIT).get(0).value());
            assertThat(event.at("/data/abcClass").asText()).isEqualTo("A");
            assertThat(event.at("/data/valueTier").asText()).isEqualTo("KEY");
            assertThat(event.at("/data/rfm/segment").asText()).isEqualTo("CHAMPIONS");
            manager().post("/api/v1/runs").then().statusCode(201).body("changed", equalTo(0));
            // computed again unchanged: the stored classification is left as the first run wrote it
            manager().get("/api/v1/clients/" + client + "/classification").then().body("runId", equalTo(firstRun));
        }
        manager().get("/api/v1/runs").then().statusCode(200).body("[0].changed", equalTo(0)).body("[1].changed", equalTo(1));
        given().header("Authorization", Tokens.bearer("rep", "crm-sales")).post("/api/v1/runs").then().statusCode(403);
    }

    @Test
    void a_contact_read_before_the_clients_registration_still_counts() {
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", "crm.interaction.v1", Duration.ofSeconds(60));
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", "crm.client.v1", Duration.ofSeconds(60));
        String client = UUID.randomUUID().toString();
        // the interaction topic's consumer may run ahead of the client topic's: the contact arrives first
        ClientEventsForTests.publish(kafka(), "crm.interaction.v1", client, interactionEvent(UUID.randomUUID().toString(),
                "crm.interaction.contact-logged.v1", client, """
                        {"clientId":"%s","interactionId":"%s","kind":"VISIT","direction":"OUTBOUND","occurredAt":"%s",
                         "staffId":"rep-t","attendeeLevel":"SALES","outcome":"POSITIVE","checkedIn":false}"""
                        .formatted(client, UUID.randomUUID(), TestTime.now().minus(1, ChronoUnit.DAYS))));
        await().atMost(WAIT).until(() -> Sql.count(db, "select count(*) from segmentation.contact_fact where client_id = ?",
                UUID.fromString(client)) == 1);
        ClientEventsForTests.publish(kafka(), "crm.client.v1", client,
                ClientEventExamples.registered(client, "rep-t", "先联系后登记公司", "POTENTIAL", TestTime.now()));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Tokens.bearer("rep-t", "crm-sales"))
                .get("/api/v1/prospects").then().statusCode(200)
                .body("prospects[0].client.contacts", equalTo(1))
                .body("prospects[0].client.lastOutcome", equalTo("POSITIVE"))
                .body("prospects[0].revisitDays", equalTo(20)));
    }

    private void client(String id, String status, String relationshipLevel) {
        Projections.client(db, id, "rep-s", status, relationshipLevel);
    }

    private void order(String client, String amount, String currency, int daysAgo, boolean cancelled) {
        Projections.order(db, client, amount, currency, daysAgo, cancelled);
    }

    private static String interactionEvent(String id, String type, String client, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/interaction-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}""".formatted(id, type, client, TestTime.now(), data);
    }
}
