package com.example.crm.interaction.visits.api;

import com.example.crm.interaction.visits.application.VisitPlanService;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static com.example.crm.interaction.InteractionFixtures.EVENTS;
import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.allPublishedFor;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.kafka;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Visit plans, cadences, the agenda and prospect development, through HTTP. */
@QuarkusTest
class VisitPlanApiTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    VisitPlanService visitPlans;

    @Inject
    AgroalDataSource dataSource;

    static LocalDate today() {
        return TestTime.today();
    }

    @Test
    void a_plan_fulfilled_by_a_logged_visit_is_done_and_the_cadence_plans_the_next_one_from_the_visit_day_in_the_business_zone() {
        String client = knownClient("rep-v1", "回访节奏公司");
        as("rep-v1", "crm-sales").body("{\"intervalDays\":20}").put("/api/v1/clients/" + client + "/cadence")
                .then().statusCode(200).body("source", equalTo("MANUAL")).body("weekly", equalTo(false));
        // a client with a cadence and no open plan gets one; it is the one to fulfil
        List<String> open = as("rep-v1", "crm-sales").get("/api/v1/clients/" + client + "/visit-plans?status=PLANNED")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].source", equalTo("CADENCE"))
                .body("items[0].plannedOn", equalTo(today().toString()))
                .extract().path("items.id");

        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            // 07:30 today in Shanghai is 23:30 yesterday in UTC: the visit day, and the next plan, count in Shanghai
            String visitedAt = TestTime.at(0, "07:30").toString();
            String interaction = as("rep-v1", "crm-sales").body("""
                    {"kind":"VISIT","occurredAt":"%s","outcome":"POSITIVE","visitPlanId":"%s"}"""
                    .formatted(visitedAt, open.get(0))).post("/api/v1/clients/" + client + "/interactions")
                    .then().statusCode(201).extract().path("id");
            as("rep-v1", "crm-sales").get("/api/v1/visit-plans/" + open.get(0)).then()
                    .body("status", equalTo("DONE")).body("interactionId", equalTo(interaction))
                    .body("allowedTransitions", empty());

            List<JsonNode> events = topic.await(r -> r.key().equals(client), 3, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                    "crm.interaction.contact-logged.v1", "crm.interaction.visit-completed.v1",
                    "crm.interaction.visit-planned.v1");
            assertThat(events.get(1).at("/data/interactionId").asText()).isEqualTo(interaction);
            assertThat(events.get(2).at("/data/plannedOn").asText()).isEqualTo(today().plusDays(20).toString());
            assertThat(events.get(2).at("/data/source").asText()).isEqualTo("CADENCE");
        }
    }

    @Test
    void a_weekly_cadence_plans_on_its_day_and_a_time_across_the_year_end_is_a_day_in_the_business_zone() {
        String client = knownClient("rep-v2", "每周拜访公司");
        as("rep-v2", "crm-sales").body("{\"weekly\":true,\"dayOfWeek\":\"THURSDAY\",\"attendeeLevel\":\"SUPERVISOR\"}")
                .put("/api/v1/clients/" + client + "/cadence").then().statusCode(200)
                .body("intervalDays", equalTo(7)).body("weekly", equalTo(true));
        String cadencePlan = as("rep-v2", "crm-sales").get("/api/v1/clients/" + client + "/visit-plans").then()
                .body("items[0].attendeeLevel", equalTo("SUPERVISOR"))
                .extract().path("items[0].plannedOn");
        LocalDate thursday = today().minusDays(7).with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
        assertThat(LocalDate.parse(cadencePlan)).isEqualTo(thursday.isBefore(today()) ? today() : thursday);

        // 20:00 on New Year's Eve at UTC-8 is noon on 1 January in Shanghai
        int year = today().getYear();
        String eve = year + "-12-31T20:00:00-08:00";
        as("rep-v2", "crm-sales").body("{\"plannedAt\":\"" + eve + "\",\"purpose\":\"新年拜访\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201)
                .body("plannedOn", equalTo((year + 1) + "-01-01"))
                .body("plannedAt", equalTo((year + 1) + "-01-01T04:00:00Z"))
                .body("attendeeLevel", equalTo("SUPERVISOR"));
        as("rep-v2", "crm-sales").body("{\"plannedOn\":\"" + year + "-12-31\",\"plannedAt\":\"" + eve + "\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(400)
                .body("errors.field", hasItem("plannedAt"));
    }

    @Test
    void bad_plans_are_refused_and_write_nothing() {
        String client = knownClient("rep-v3", "坏计划公司");
        String url = "/api/v1/clients/" + client + "/visit-plans";
        as("rep-v3", "crm-sales").body("{\"plannedOn\":\"" + today().minusDays(1) + "\"}").post(url)
                .then().statusCode(400).body("errors.field", hasItem("plannedOn"));
        as("rep-v3", "crm-sales").body("{\"plannedAt\":\"" + TestTime.ago(Duration.ofHours(1)) + "\"}").post(url)
                .then().statusCode(400).body("errors.field", hasItem("plannedAt"));
        as("rep-v3", "crm-sales").body("{\"purpose\":\"no day\"}").post(url).then().statusCode(400);
        as("rep-v3", "crm-sales").body("{\"plannedOn\":\"" + today().getYear() + "-13-01\"}").post(url).then().statusCode(400);
        as("rep-v3", "crm-sales").body("{\"plannedOn\":\"" + today().plusDays(1) + "\",\"assigneeId\":\"rep-other\"}")
                .post(url).then().statusCode(403);
        as("rep-other", "crm-sales").body("{\"plannedOn\":\"" + today().plusDays(1) + "\"}").post(url)
                .then().statusCode(404);
        as("rep-v3", "crm-sales").body("{\"plannedOn\":\"" + today().plusDays(1) + "\"}")
                .post("/api/v1/clients/" + UUID.randomUUID() + "/visit-plans").then().statusCode(404)
                .body("retryable", equalTo(true));
        as("rep-v3", "crm-sales").body("{\"intervalDays\":20,\"weekly\":true}")
                .put("/api/v1/clients/" + client + "/cadence").then().statusCode(400);
        as("rep-v3", "crm-sales").body("{\"intervalDays\":0}").put("/api/v1/clients/" + client + "/cadence")
                .then().statusCode(400).body("errors.field", hasItem("intervalDays"));
        assertThat(Sql.count(dataSource, "select count(*) from interaction.visit_plan where client_id = ?",
                UUID.fromString(client))).isZero();
        as("rep-v3", "crm-sales").get("/api/v1/clients/" + client + "/cadence").then().statusCode(404);
    }

    @Test
    void plan_transitions_follow_the_lifecycle_need_if_match_and_only_assignee_owner_or_manager_may_make_them() {
        String client = knownClient("rep-v4", "计划流转公司");
        String plan = as("rep-v4", "crm-sales").body("{\"plannedOn\":\"" + today().plusDays(3) + "\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201)
                .header("ETag", "\"0\"").extract().path("id");
        String url = "/api/v1/visit-plans/" + plan;
        as("rep-other", "crm-sales").header("If-Match", "\"0\"").body("{}").post(url + "/cancellation")
                .then().statusCode(404);
        as("rep-v4", "crm-sales").body("{}").post(url + "/cancellation").then().statusCode(428);
        as("rep-v4", "crm-sales").header("If-Match", "\"0\"").body("{\"plannedOn\":\"" + today().plusDays(5) + "\"}")
                .post(url + "/rescheduling").then().statusCode(200).header("ETag", "\"1\"")
                .body("plannedOn", equalTo(today().plusDays(5).toString()));
        as("boss", "crm-manager").header("If-Match", "\"1\"").body("{\"reason\":\"客户出差\"}").post(url + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        String interaction = as("rep-v4", "crm-sales").body(
                        "{\"kind\":\"VISIT\",\"occurredAt\":\"" + TestTime.ago(Duration.ofHours(1)) + "\"}")
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201).extract().path("id");
        as("rep-v4", "crm-sales").header("If-Match", "\"2\"").body("{\"interactionId\":\"" + interaction + "\"}")
                .post(url + "/completion").then().statusCode(409)
                .body("type", equalTo("urn:crm:problem:illegal-transition")).body("allowed", empty());
        as("rep-v4", "crm-sales").header("If-Match", "\"2\"").body("{\"plannedOn\":\"" + today().plusDays(6) + "\"}")
                .post(url + "/rescheduling").then().statusCode(409);
    }

    @Test
    void the_missed_check_marks_past_plans_missed_once_and_the_cadence_plans_again() {
        String client = knownClient("rep-v5", "错过拜访公司");
        as("rep-v5", "crm-sales").body("{\"intervalDays\":40}").put("/api/v1/clients/" + client + "/cadence")
                .then().statusCode(200);
        String plan = as("rep-v5", "crm-sales").get("/api/v1/clients/" + client + "/visit-plans").then()
                .extract().path("items[0].id");
        // the plan's day passes
        Sql.update(dataSource, "update interaction.visit_plan set planned_on = ? where id = ?",
                today().minusDays(2), UUID.fromString(plan));
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            assertThat(visitPlans.markMissed(today())).isGreaterThanOrEqualTo(1);
            visitPlans.markMissed(today());
            List<JsonNode> events = topic.await(r -> r.key().equals(client), 2, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("crm.interaction.visit-missed.v1", "crm.interaction.visit-planned.v1");
            assertThat(events.get(1).at("/data/plannedOn").asText()).isEqualTo(today().plusDays(38).toString());
            assertThat(allPublishedFor(topic, dataSource, client)).as("announced once").hasSize(2);
        }
        as("rep-v5", "crm-sales").get("/api/v1/visit-plans/" + plan).then().body("status", equalTo("MISSED"));
    }

    @Test
    void the_agenda_lists_a_weeks_plans_with_overdue_ones_first() {
        String client = knownClient("rep-v6", "周计划公司");
        LocalDate nextMonday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String week = "%d-W%02d".formatted(nextMonday.get(IsoFields.WEEK_BASED_YEAR),
                nextMonday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String url = "/api/v1/clients/" + client + "/visit-plans";
        String wednesday = as("rep-v6", "crm-sales").body("{\"plannedOn\":\"" + nextMonday.plusDays(2) + "\"}")
                .post(url).then().statusCode(201).extract().path("id");
        String monday = as("rep-v6", "crm-sales").body("{\"plannedOn\":\"" + nextMonday + "\",\"purpose\":\"早会后\"}")
                .post(url).then().statusCode(201).extract().path("id");
        String overdue = as("rep-v6", "crm-sales").body("{\"plannedOn\":\"" + today().plusDays(1) + "\"}")
                .post(url).then().statusCode(201).extract().path("id");
        Sql.update(dataSource, "update interaction.visit_plan set planned_on = ? where id = ?",
                today().minusDays(3), UUID.fromString(overdue));
        as("rep-v6", "crm-sales").body("{\"plannedOn\":\"" + nextMonday.plusDays(7) + "\"}").post(url)
                .then().statusCode(201);

        as("rep-v6", "crm-sales").get("/api/v1/agenda?week=" + week).then().statusCode(200)
                .body("week", equalTo(week))
                .body("from", equalTo(nextMonday.toString()))
                .body("items.plan.id", contains(overdue, monday, wednesday))
                .body("items.overdue", contains(true, false, false))
                .body("items[0].legalName", equalTo("周计划公司"));
        as("rep-v6", "crm-sales").get("/api/v1/agenda?week=" + today().getYear() + "-48").then().statusCode(400);
        as("rep-v6", "crm-sales").get("/api/v1/agenda?assignee=rep-other").then().statusCode(403);
    }

    @Test
    void prospects_show_visits_so_far_against_the_target_of_five_and_the_next_plan() {
        String client = knownClient("rep-v7", "潜在客户开发公司");
        LocalDate first = TestTime.day(-32);
        for (int i = 1; i <= 2; i++) {
            as("rep-v7", "crm-sales").body("{\"kind\":\"VISIT\",\"occurredAt\":\"" + first.plusDays(i - 1) + "T10:00:00+08:00\"}")
                    .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        }
        as("rep-v7", "crm-sales").body("{\"kind\":\"PHONE_CALL\",\"occurredAt\":\"" + first.plusDays(4) + "T10:00:00+08:00\"}")
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        as("rep-v7", "crm-sales").body("{\"plannedOn\":\"" + today().plusDays(4) + "\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201);
        as("rep-v7", "crm-sales").get("/api/v1/prospects").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].clientId", equalTo(client))
                .body("items[0].visits", equalTo(2))
                .body("items[0].target", equalTo(5))
                .body("items[0].remaining", equalTo(3))
                .body("items[0].lastVisitAt", equalTo(first.plusDays(1) + "T02:00:00Z"))
                .body("items[0].nextPlannedOn", equalTo(today().plusDays(4).toString()));
    }
}
