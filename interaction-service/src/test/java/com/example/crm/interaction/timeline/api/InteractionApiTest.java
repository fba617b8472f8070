package com.example.crm.interaction.timeline.api;

import com.example.crm.platform.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.call;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Logging contacts, the timeline and the daily to-do list, through HTTP. */
@QuarkusTest
class InteractionApiTest {

    @Test
    void a_visit_with_a_check_in_is_logged_in_utc_and_shows_on_the_timeline_newest_first() {
        String client = knownClient("rep-i1", "北京华信科技有限公司");
        LocalDate visited = TestTime.day(-13);
        as("rep-i1", "crm-sales").body("""
                {"kind":"VISIT","occurredAt":"%sT10:30:00+08:00","durationMinutes":90,"attendeeLevel":"SUPERVISOR",
                 "contactName":"王建国","subject":"季度拜访","notes":"客户计划扩大采购","outcome":"POSITIVE",
                 "nextStep":"寄送报价","nextContactOn":"%s",
                 "checkIn":{"latitude":39.9087,"longitude":116.3975,"address":"北京市朝阳区建国路88号","at":"%sT10:25:00+08:00"}}"""
                        .formatted(visited, visited.plusDays(7), visited))
                .post("/api/v1/clients/" + client + "/interactions")
                .then().statusCode(201)
                .body("occurredAt", equalTo(visited + "T02:30:00Z"))
                .body("staffId", equalTo("rep-i1"))
                .body("checkIn.address", equalTo("北京市朝阳区建国路88号"))
                .body("checkIn.at", equalTo(visited + "T02:25:00Z"));
        as("rep-i1", "crm-sales").body(call(visited.plusDays(1) + "T09:00:00Z")).post("/api/v1/clients/" + client + "/interactions")
                .then().statusCode(201);

        as("rep-i1", "crm-sales").get("/api/v1/clients/" + client + "/interactions").then().statusCode(200)
                .body("items.kind", contains("PHONE_CALL", "VISIT"))
                .body("items[1].attendeeLevel", equalTo("SUPERVISOR"));
    }

    @Test
    void the_timeline_pages_with_a_cursor_filters_by_kind_outcome_and_period_and_a_reps_activity_is_only_theirs() {
        String client = knownClient("rep-i2", "上海测试贸易有限公司");
        LocalDate first = TestTime.day(-32);
        for (int day = 1; day <= 5; day++) {
            String at = at(first, day);
            as("rep-i2", "crm-sales").body(day % 2 == 0 ? call(at)
                            : "{\"kind\":\"EMAIL\",\"occurredAt\":\"" + at + "\",\"outcome\":\"NO_RESPONSE\"}")
                    .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        }
        var page = as("rep-i2", "crm-sales").queryParam("limit", 3).get("/api/v1/clients/" + client + "/interactions")
                .then().body("items.occurredAt", contains(at(first, 5), at(first, 4), at(first, 3)))
                .extract();
        as("rep-i2", "crm-sales").queryParam("limit", 3).queryParam("cursor", (String) page.path("nextCursor"))
                .get("/api/v1/clients/" + client + "/interactions")
                .then().body("items.occurredAt", contains(at(first, 2), at(first, 1)))
                .body("nextCursor", nullValue());
        as("rep-i2", "crm-sales").queryParam("kind", "PHONE_CALL").get("/api/v1/clients/" + client + "/interactions")
                .then().body("items.size()", equalTo(2));
        as("rep-i2", "crm-sales").queryParam("outcome", "NO_RESPONSE").queryParam("from", first.plusDays(1) + "T00:00:00+00:00")
                .queryParam("to", first.plusDays(4) + "T00:00:00+00:00").get("/api/v1/clients/" + client + "/interactions")
                .then().body("items.occurredAt", contains(at(first, 3)));
        as("rep-i2", "crm-sales").get("/api/v1/interactions").then().body("items.size()", equalTo(5));
        // another rep's activity is theirs: a sales rep is refused, a manager or auditor reads it
        as("rep-i3", "crm-sales").queryParam("staffId", "rep-i2").get("/api/v1/interactions").then().statusCode(403);
        as("manager-i", "crm-manager").queryParam("staffId", "rep-i2").get("/api/v1/interactions")
                .then().statusCode(200).body("items.size()", equalTo(5));
        as("auditor-i", "crm-auditor").queryParam("staffId", "rep-i2").get("/api/v1/interactions")
                .then().statusCode(200).body("items.size()", equalTo(5));
    }

    @Test
    void a_date_parameter_beyond_year_9999_is_a_400_naming_it_not_a_500() {
        as("rep-far-date", "crm-sales").queryParam("date", "+999999999-01-01").get("/api/v1/todo").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("date"));
    }

    @Test
    void the_todo_list_shows_clients_due_that_day_overdue_first_and_only_the_latest_contact_counts() {
        String rep = "rep-todo-" + UUID.randomUUID();
        String overdue = knownClient(rep, "逾期客户");
        String today = knownClient(rep, "今日客户");
        String later = knownClient(rep, "以后客户");
        String rescheduled = knownClient(rep, "改期客户");
        LocalDate day = TestTime.day(-10);
        log(rep, overdue, day.minusDays(13) + "T08:00:00Z", day.minusDays(3));
        log(rep, today, day.minusDays(12) + "T08:00:00Z", day);
        log(rep, later, day.minusDays(11) + "T08:00:00Z", day.plusDays(7));
        log(rep, rescheduled, day.minusDays(22) + "T08:00:00Z", day.minusDays(8));
        log(rep, rescheduled, day.minusDays(7) + "T08:00:00Z", day.plusDays(8));

        as(rep, "crm-sales").queryParam("date", day.toString()).get("/api/v1/todo").then().statusCode(200)
                .body("items.clientId", contains(overdue, today))
                .body("items.overdueDays", contains(3, 0))
                .body("items.legalName", contains("逾期客户", "今日客户"));
        as("rep-other", "crm-sales").queryParam("assignee", rep).get("/api/v1/todo").then().statusCode(403);
        as("manager-1", "crm-manager").queryParam("assignee", rep).queryParam("date", day.toString()).get("/api/v1/todo")
                .then().body("items.size()", equalTo(2));
    }

    @Test
    void the_todo_list_without_a_date_is_todays_on_the_service_clock_in_the_business_zone() {
        String rep = "rep-todo-today-" + UUID.randomUUID();
        String due = knownClient(rep, "今天到期客户");
        String tomorrow = knownClient(rep, "明天到期客户");
        log(rep, due, TestTime.day(-3) + "T08:00:00Z", TestTime.today());
        log(rep, tomorrow, TestTime.day(-3) + "T09:00:00Z", TestTime.day(1));
        as(rep, "crm-sales").get("/api/v1/todo").then().statusCode(200)
                .body("items.clientId", contains(due)).body("items[0].overdueDays", equalTo(0));
    }

    @Test
    void bad_contacts_are_400_problems_naming_the_field() {
        String client = knownClient("rep-i3", "坏输入测试公司");
        String url = "/api/v1/clients/" + client + "/interactions";
        String future = TestTime.now().plus(Duration.ofDays(2)).toString();
        String past = TestTime.day(-13) + "T10:00:00Z";
        List<String[]> cases = List.of(
                new String[]{"{\"occurredAt\":\"" + past + "\"}", "kind"},
                new String[]{"{\"kind\":\"TELEPATHY\",\"occurredAt\":\"" + past + "\"}", "kind"},
                new String[]{"{\"kind\":\"VISIT\"}", "occurredAt"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + past.replace("T", " ") + "\"}", "occurredAt"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + future + "\"}", "occurredAt"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"-999999999-01-01T10:00:00Z\"}", "occurredAt"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + past + "\",\"nextContactOn\":\"+99999-01-01\"}", "nextContactOn"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + past + "\",\"durationMinutes\":-5}", "durationMinutes"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + past + "\",\"checkIn\":{\"latitude\":91,\"longitude\":116,\"at\":\"" + past + "\"}}", "checkIn.latitude"},
                new String[]{"{\"kind\":\"PHONE_CALL\",\"occurredAt\":\"" + past + "\",\"checkIn\":{\"latitude\":39,\"longitude\":116,\"at\":\"" + past + "\"}}", "checkIn"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + past + "\",\"notes\":\"" + "x".repeat(4001) + "\"}", "notes"},
                new String[]{"{\"kind\":\"VISIT\",\"occurredAt\":\"" + past + "\",\"clientId\":\"x\"}", "clientId"});
        for (String[] bad : cases) {
            as("rep-i3", "crm-sales").body(bad[0]).post(url).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        as("rep-i3", "crm-sales").get(url).then().body("items.size()", equalTo(0));
    }

    @Test
    void a_contact_for_an_unknown_client_is_404_with_a_retryable_hint() {
        as("rep-i4", "crm-sales").body(call(TestTime.day(-13) + "T10:00:00Z"))
                .post("/api/v1/clients/" + UUID.randomUUID() + "/interactions")
                .then().statusCode(404).contentType("application/problem+json").body("retryable", equalTo(true));
    }

    @Test
    void a_sales_rep_cannot_log_a_contact_for_another_reps_client_which_does_not_exist_for_them() {
        String client = knownClient("rep-owner-i", "他人客户");
        as("rep-intruder-i", "crm-sales").body(call(TestTime.day(-13) + "T10:00:00Z")).post("/api/v1/clients/" + client + "/interactions")
                .then().statusCode(404);
        as("service-1", "crm-service").body(call(TestTime.day(-13) + "T10:00:00Z")).post("/api/v1/clients/" + client + "/interactions")
                .then().statusCode(201);
        as("auditor-1", "crm-auditor").body(call(TestTime.day(-13) + "T10:00:00Z")).post("/api/v1/clients/" + client + "/interactions")
                .then().statusCode(403);
        assertThat(as("rep-owner-i", "crm-sales").get("/api/v1/clients/" + client + "/interactions").then()
                .extract().<List<String>>path("items.staffId")).containsExactly("service-1");
    }

    /** {@code day} days after the day before {@code first}, at 08:00 UTC. */
    private static String at(LocalDate first, int day) {
        return first.plusDays(day - 1) + "T08:00:00Z";
    }

    private static void log(String rep, String client, String occurredAt, LocalDate next) {
        as(rep, "crm-sales").body("{\"kind\":\"PHONE_CALL\",\"occurredAt\":\"" + occurredAt + "\",\"nextContactOn\":\"" + next + "\"}")
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
    }
}
