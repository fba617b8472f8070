package com.example.crm.complaint.surveys.api;

import com.example.crm.complaint.TestClock;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.example.crm.complaint.ComplaintFixtures.EVENTS;
import static com.example.crm.complaint.ComplaintFixtures.HANDLER;
import static com.example.crm.complaint.ComplaintFixtures.WAIT;
import static com.example.crm.complaint.ComplaintFixtures.acknowledge;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.etag;
import static com.example.crm.complaint.ComplaintFixtures.investigate;
import static com.example.crm.complaint.ComplaintFixtures.kafka;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static com.example.crm.complaint.ComplaintFixtures.resolve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Satisfaction surveys (answered once, by token or by staff; a bad score reopens) and the solution knowledge base. */
@QuarkusTest
class SurveyAndSolutionTest {

    @Inject
    TestClock clock;

    static final String ANSWER = "{\"token\":\"%s\",\"score\":%d,\"performance\":%d,\"expectation\":%d,\"comment\":\"%s\"}";

    @Test
    void a_customer_answers_once_with_the_token_and_a_bad_score_reopens_and_escalates_the_complaint() {
        String client = knownClient("满意度调查公司");
        String id = resolved(client);
        String other = resolved(client);
        String token = as("handler-1", HANDLER).post("/api/v1/complaints/" + id + "/survey/token").then()
                .statusCode(200).extract().path("surveyToken");
        String otherToken = as("handler-1", HANDLER).post("/api/v1/complaints/" + other + "/survey/token").then()
                .extract().path("surveyToken");
        String url = "/api/v1/complaints/" + id + "/survey/answer";

        given().contentType("application/json").body(ANSWER.formatted(otherToken, 1, 2, 8, "x")).post(url)
                .then().statusCode(403);
        given().contentType("application/json").body(ANSWER.formatted(token, 6, 2, 8, "x")).post(url)
                .then().statusCode(400).body("errors.field", hasItem("score"));
        given().contentType("application/json").body("{\"score\":1,\"performance\":2,\"expectation\":8}").post(url)
                .then().statusCode(401);
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.complaint.v1")) {
            given().contentType("application/json").body(ANSWER.formatted(token, 2, 3, 8, "还是没解决")).post(url)
                    .then().statusCode(200).body("gap", equalTo(-5)).body("answeredBy", equalTo("customer"));
            List<JsonNode> events = topic.await(r -> r.key().equals(client), 3, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                    "crm.complaint.reopened.v1", "crm.complaint.escalated.v1", "crm.complaint.survey-answered.v1");
            assertThat(events.get(1).at("/data/reason").asText()).isEqualTo("BAD_SURVEY");
            assertThat(events.get(2).at("/data/reopened").asBoolean()).isTrue();
            assertThat(events.toString()).doesNotContain("还是没解决");
        }
        given().contentType("application/json").body(ANSWER.formatted(token, 5, 9, 8, "again")).post(url)
                .then().statusCode(409);
        as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("status", equalTo("REOPENED")).body("sla.escalationLevel", equalTo("SUPERVISOR"));
    }

    @Test
    void staff_enter_an_answer_from_a_call_and_the_report_counts_it() {
        String client = knownClient("电话回访公司");
        String id = resolved(client);
        String other = resolved(client);
        Instant from = clock.instant();
        as("rep-x", "crm-sales").body("{\"score\":5,\"performance\":9,\"expectation\":7}").post("/api/v1/complaints/" + id + "/survey/answer")
                .then().statusCode(403);
        as("handler-2", HANDLER).body("{\"score\":5,\"performance\":9,\"expectation\":7}")
                .post("/api/v1/complaints/" + id + "/survey/answer").then().statusCode(200)
                .body("answeredBy", equalTo("handler-2")).body("gap", equalTo(2));
        as("handler-2", HANDLER).body("{\"score\":3,\"performance\":6,\"expectation\":8}")
                .post("/api/v1/complaints/" + other + "/survey/answer").then().statusCode(200).body("gap", equalTo(-2));
        Instant to = clock.instant().plusMillis(1);
        as("m", "crm-manager").get("/api/v1/complaints/" + id).then().body("status", equalTo("RESOLVED"));

        // the two answers of this period: one satisfied (score 4-5) of two, scores 5 and 3, gaps 2 and -2
        JsonPath report = as("m", "crm-manager").queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/reports/satisfaction").then().statusCode(200).extract().jsonPath();
        for (String group : List.of("ALL", "CATEGORY")) {
            String path = "groups.find { it.dimension == '" + group + "' }.";
            assertThat(report.getLong(path + "answered")).as(group).isEqualTo(2);
            assertThat(report.getDouble(path + "csat")).as(group).isEqualTo(0.5);
            assertThat(report.getDouble(path + "averageScore")).as(group).isEqualTo(4.0);
            assertThat(report.getDouble(path + "averageGap")).as(group).isEqualTo(0.0);
        }
        assertThat(report.getString("groups.find { it.dimension == 'CATEGORY' }.key")).isEqualTo("DELIVERY");
    }

    @Test
    void solutions_are_found_by_a_chinese_substring_and_count_the_complaints_they_resolved() {
        String solution = as("handler-1", HANDLER).body("""
                {"title":"物流延迟补偿方案","category":"DELIVERY","symptoms":"客户反映到货晚于承诺日期",
                 "answer":"核实物流单号，补发并减免运费","tags":["物流","补偿"]}""")
                .post("/api/v1/solutions").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        as("rep-1", "crm-sales").get("/api/v1/solutions?q=到货晚于").then().statusCode(200)
                .body("items.id", hasItem(solution));
        as("rep-1", "crm-sales").get("/api/v1/solutions?q=不存在的词语").then().body("items.size()", equalTo(0));

        String client = knownClient("方案复用公司");
        String id = complaint(client, "LOW");
        acknowledge(id);
        investigate(id);
        as("handler-1", HANDLER).header("If-Match", etag(id))
                .body("{\"apologyGiven\":true,\"resolution\":\"按方案处理\",\"solutionId\":\"" + solution + "\"}")
                .post("/api/v1/complaints/" + id + "/resolution").then().statusCode(200)
                .body("complaint.solutionId", equalTo(solution));
        as("rep-1", "crm-sales").get("/api/v1/solutions/" + solution).then().body("usageCount", equalTo(1));
        as("handler-1", HANDLER).header("If-Match", "\"1\"").body("""
                {"title":"物流延迟补偿方案（修订）","category":"DELIVERY","answer":"补发、减免运费并致歉"}""")
                .put("/api/v1/solutions/" + solution).then().statusCode(200).header("ETag", "\"2\"");
        as("rep-1", "crm-sales").body("{\"title\":\"x\",\"category\":\"OTHER\",\"answer\":\"y\"}")
                .post("/api/v1/solutions").then().statusCode(403);
    }

    private static String resolved(String client) {
        String id = complaint(client, "LOW");
        acknowledge(id);
        investigate(id);
        resolve(id);
        return id;
    }
}
