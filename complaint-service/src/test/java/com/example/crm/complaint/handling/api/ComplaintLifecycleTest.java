package com.example.crm.complaint.handling.api;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.example.crm.complaint.ComplaintFixtures.EVENTS;
import static com.example.crm.complaint.ComplaintFixtures.HANDLER;
import static com.example.crm.complaint.ComplaintFixtures.WAIT;
import static com.example.crm.complaint.ComplaintFixtures.acknowledge;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.db;
import static com.example.crm.complaint.ComplaintFixtures.etag;
import static com.example.crm.complaint.ComplaintFixtures.intake;
import static com.example.crm.complaint.ComplaintFixtures.investigate;
import static com.example.crm.complaint.ComplaintFixtures.kafka;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static com.example.crm.complaint.ComplaintFixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A complaint's life through the API: intake, the four handling steps, closing, reopening, and its events. */
@QuarkusTest
class ComplaintLifecycleTest {

    @Test
    void a_complaint_goes_from_intake_through_the_handling_steps_to_closed_and_each_step_is_recorded_and_announced() {
        String client = knownClient("投诉生命周期公司");
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.complaint.v1")) {
            String id = as("handler-1", HANDLER).body(intake(client, "HIGH")).post("/api/v1/complaints")
                    .then().statusCode(201).header("ETag", "\"0\"")
                    .body("number", matchesPattern("CMP-\\d{4}-\\d{6}"))
                    .body("status", equalTo("RECEIVED"))
                    .body("assigneeId", equalTo("handler-1"))
                    .body("sla.policy", equalTo("HIGH"))
                    .body("allowedTransitions", contains("ACKNOWLEDGED"))
                    .extract().path("id");
            acknowledge(id);
            investigate(id);
            as("handler-1", HANDLER).header("If-Match", etag(id))
                    .body("{\"type\":\"REFUND\",\"amount\":{\"amount\":\"300.00\",\"currency\":\"CNY\"}}")
                    .put("/api/v1/complaints/" + id + "/compensation").then().statusCode(200)
                    .body("compensation.amount.amount", equalTo("300.00"));
            as("handler-1", HANDLER).body("{\"action\":\"一周后回访确认\",\"dueOn\":\"" + TestTime.day(33) + "\"}")
                    .post("/api/v1/complaints/" + id + "/follow-ups").then().statusCode(201);
            String token = resolve(id);
            assertThat(token).hasSizeGreaterThan(20);
            as("handler-2", HANDLER).header("If-Match", etag(id)).body("{\"to\":\"CLOSED\"}")
                    .post("/api/v1/complaints/" + id + "/transitions").then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closedAt", notNullValue());

            as("handler-1", HANDLER).get("/api/v1/complaints/" + id + "/history").then().statusCode(200)
                    .body("items.action", contains("RECEIVED", "ACKNOWLEDGED", "INVESTIGATED", "COMPENSATED",
                            "FOLLOW_UP_PLANNED", "RESOLVED", "CLOSED"))
                    .body("items[6].actor", equalTo("handler-2"))
                    .body("items[6].fromStatus", equalTo("RESOLVED"));

            List<JsonNode> events = topic.await(r -> r.key().equals(client), 4, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                    "crm.complaint.received.v1", "crm.complaint.acknowledged.v1", "crm.complaint.resolved.v1",
                    "crm.complaint.closed.v1");
            assertThat(events.get(2).at("/data/rootCause").asText()).isEqualTo("DELIVERY_DELAY");
            assertThat(events.get(2).at("/data/compensationAmount").asText()).isEqualTo("300.00");
            assertThat(events.toString()).doesNotContain("王经理").doesNotContain("物流商排期错误");
        }
    }

    @Test
    void illegal_transitions_are_409_with_the_allowed_ones_and_a_closed_complaint_can_be_reopened() {
        String client = knownClient("非法流转公司");
        String id = complaint(client, "LOW");
        as("handler-1", HANDLER).header("If-Match", etag(id)).body("{\"to\":\"CLOSED\"}")
                .post("/api/v1/complaints/" + id + "/transitions").then().statusCode(409)
                .body("type", equalTo("urn:crm:problem:illegal-transition"))
                .body("allowed", contains("ACKNOWLEDGED"));
        acknowledge(id);
        investigate(id);
        resolve(id);
        as("handler-1", HANDLER).header("If-Match", etag(id)).body("{\"to\":\"REOPENED\",\"reason\":\"客户反映问题仍在\"}")
                .post("/api/v1/complaints/" + id + "/transitions").then().statusCode(200)
                .body("status", equalTo("REOPENED")).body("reopenCount", equalTo(1))
                .body("allowedTransitions", contains("INVESTIGATING"))
                .body("sla.nextEscalationAt", notNullValue());
    }

    @Test
    void a_sales_rep_cannot_name_the_handler_at_intake_so_cannot_hand_themself_a_complaint() {
        String client = knownClient("自派投诉公司");
        // the client's owner (knownClient registers it for rep-c) names themself
        String named = "{\"clientId\":\"" + client + "\",\"channel\":\"PHONE\",\"category\":\"DELIVERY\","
                + "\"severity\":\"LOW\",\"subject\":\"包装破损\",\"assigneeId\":\"rep-c\"}";
        as("rep-c", "crm-sales").body(named).post("/api/v1/complaints").then().statusCode(403)
                .contentType("application/problem+json");
        as("m", "crm-manager").body(named).post("/api/v1/complaints").then().statusCode(201)
                .body("assigneeId", equalTo("rep-c"));
        as("rep-c", "crm-sales").body(intake(client, "LOW")).post("/api/v1/complaints").then().statusCode(201)
                .body("assigneeId", nullValue());
        // a rep who does not see the client files nothing for it
        as("rep-self", "crm-sales").body(intake(client, "LOW")).post("/api/v1/complaints").then().statusCode(404);
        assertThat(Sql.count(db(), "select count(*) from complaint.complaint where client_id = ?",
                UUID.fromString(client))).isEqualTo(2);
    }

    @Test
    void a_complaint_received_more_than_the_backdating_limit_ago_is_refused_and_not_opened_already_breached() {
        String client = knownClient("久远投诉公司");
        String body = "{\"clientId\":\"" + client + "\",\"channel\":\"WEB\",\"category\":\"OTHER\","
                + "\"severity\":\"LOW\",\"subject\":\"x\",\"receivedAt\":\"%s\"}";
        as("handler-1", HANDLER).body(body.formatted(TestTime.now().minus(Duration.ofDays(31))))
                .post("/api/v1/complaints").then().statusCode(400).body("errors.field", hasItem("receivedAt"));
        as("handler-1", HANDLER).body(body.formatted(TestTime.now().minus(Duration.ofDays(29))))
                .post("/api/v1/complaints").then().statusCode(201);
        assertThat(Sql.count(db(), "select count(*) from complaint.complaint where client_id = ?",
                UUID.fromString(client))).isEqualTo(1);
    }

    @Test
    void bad_requests_are_4xx_problems_and_change_nothing() {
        String client = knownClient("坏请求投诉公司");
        String id = complaint(client, "MEDIUM");
        acknowledge(id);
        String url = "/api/v1/complaints/" + id;
        String before = etag(id);
        // resolving without a root cause
        as("handler-1", HANDLER).header("If-Match", before).body("{\"to\":\"INVESTIGATING\"}")
                .post(url + "/transitions").then().statusCode(200);
        String investigating = etag(id);
        as("handler-1", HANDLER).header("If-Match", investigating)
                .body("{\"apologyGiven\":true,\"resolution\":\"已处理\"}").post(url + "/resolution")
                .then().statusCode(422).body("type", equalTo("urn:crm:problem:business-rule"));
        // negative compensation
        as("handler-1", HANDLER).header("If-Match", investigating)
                .body("{\"type\":\"REFUND\",\"amount\":{\"amount\":\"-1.00\",\"currency\":\"CNY\"}}")
                .put(url + "/compensation").then().statusCode(400).body("errors.field", hasItem("amount"));
        // a sales rep who neither is assigned to it nor sees its client: it does not exist for them
        as("rep-x", "crm-sales").header("If-Match", investigating).body("{\"to\":\"CLOSED\"}")
                .post(url + "/transitions").then().statusCode(404);
        // its client's owner sees it but does not handle it
        as("rep-c", "crm-sales").header("If-Match", investigating).body("{\"to\":\"CLOSED\"}")
                .post(url + "/transitions").then().statusCode(403);
        // stale and missing If-Match
        as("handler-1", HANDLER).header("If-Match", before).body("{\"customerAccount\":\"x\"}")
                .put(url + "/acknowledgement").then().statusCode(412);
        as("handler-1", HANDLER).body("{\"severity\":\"HIGH\"}").put(url + "/severity").then().statusCode(428);
        as("handler-1", HANDLER).get(url).then().header("ETag", investigating)
                .body("status", equalTo("INVESTIGATING")).body("compensation", equalTo(null));

        // intake: unknown client, bad enums, blank subject, future time
        as("handler-1", HANDLER).body(intake(UUID.randomUUID().toString(), "LOW")).post("/api/v1/complaints")
                .then().statusCode(404).body("retryable", equalTo(true));
        as("handler-1", HANDLER).body(intake(client, "URGENT")).post("/api/v1/complaints").then().statusCode(400);
        as("handler-1", HANDLER).body("{\"clientId\":\"" + client + "\",\"channel\":\"FAX\",\"category\":\"OTHER\","
                + "\"severity\":\"LOW\",\"subject\":\"x\"}").post("/api/v1/complaints").then().statusCode(400);
        as("handler-1", HANDLER).body("{\"clientId\":\"" + client + "\",\"channel\":\"WEB\",\"category\":\"OTHER\","
                + "\"severity\":\"LOW\",\"subject\":\" \"}").post("/api/v1/complaints").then().statusCode(400)
                .body("errors.field", hasItem("subject"));
        as("handler-1", HANDLER).body("{\"clientId\":\"" + client + "\",\"channel\":\"WEB\",\"category\":\"OTHER\","
                + "\"severity\":\"LOW\",\"subject\":\"x\",\"receivedAt\":\"" + TestTime.now().plus(Duration.ofDays(30)) + "\"}")
                .post("/api/v1/complaints").then().statusCode(400).body("errors.field", hasItem("receivedAt"));
        assertThat(Sql.count(db(), "select count(*) from complaint.complaint where client_id = ?",
                UUID.fromString(client))).isEqualTo(1);
    }

    @Test
    void the_list_filters_by_status_severity_assignee_client_and_breach_and_pages_with_a_cursor() {
        String client = knownClient("列表筛选公司");
        List<String> critical = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            critical.add(complaint(client, "CRITICAL"));
        }
        String low = complaint(client, "LOW");
        acknowledge(low);
        // the escalation scan found one critical complaint's first response late (the scan is SlaEscalationTest's)
        Sql.update(db(), "update complaint.complaint set first_response_breached = true where id = ?",
                UUID.fromString(critical.get(1)));

        String page = "/api/v1/complaints?clientId=" + client + "&severity=CRITICAL&limit=2";
        var first = as("m", "crm-manager").get(page).then()
                .statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue()).extract();
        var second = as("m", "crm-manager").queryParam("cursor", first.<String>path("nextCursor")).get(page).then()
                .statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", nullValue()).extract();
        List<String> paged = new ArrayList<>(first.<List<String>>path("items.id"));
        paged.addAll(second.<List<String>>path("items.id"));
        assertThat(paged).as("each once across the pages").containsExactlyInAnyOrderElementsOf(critical);

        as("m", "crm-manager").get("/api/v1/complaints?clientId=" + client + "&status=ACKNOWLEDGED").then()
                .body("items.id", contains(low));
        as("m", "crm-manager").get("/api/v1/complaints?clientId=" + client + "&breached=true").then()
                .statusCode(200).body("items.id", contains(critical.get(1)));
        as("m", "crm-manager").get("/api/v1/complaints?clientId=" + client + "&breached=false&assigneeId=handler-1")
                .then().body("items.size()", equalTo(3)).body("items.id", not(hasItem(critical.get(1))));
        as("m", "crm-manager").get("/api/v1/complaints?status=LOST").then().statusCode(400);
    }
}
