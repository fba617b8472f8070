package com.example.crm.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.example.crm.e2e.Service.CLIENT;
import static com.example.crm.e2e.Service.COMPLAINT;
import static com.example.crm.e2e.Service.INTERACTION;
import static com.example.crm.e2e.Service.SEGMENTATION;
import static com.example.crm.e2e.Users.ADMIN;
import static com.example.crm.e2e.Users.MANAGER;
import static com.example.crm.e2e.Users.REP;
import static com.example.crm.e2e.Users.SERVICE_DESK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One client's life across the four services, through their public HTTP APIs only: each step builds on the one
 * before, as a real client's history does. What one service learns from another arrives by Kafka, so every
 * cross-service check waits for it (at most {@link #PROPAGATION}).
 */
@ExtendWith(SuiteStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class ClientLifeJourneyTest {

    static final Duration PROPAGATION = Duration.ofSeconds(30);
    /** Amounts as exact decimals (rest-assured's JsonPath reads large numbers as floats). */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    // personal data the card and its contacts carry; after erasure no API may show any of it
    static final String LEGAL_REPRESENTATIVE = "陈立华";
    static final String CONTACT_NAME = "周明远";
    static final String CONTACT_MOBILE = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    static final String CLIENT_EMAIL = "chen.lihua." + Users.RUN + "@example.cn";
    static final String CLIENT_PHONE = "+86 138 " + (1000 + ThreadLocalRandom.current().nextInt(8999)) + " "
            + (1000 + ThreadLocalRandom.current().nextInt(8999));
    static final String DUPLICATE_CONTACT = "吴晓梅";
    static final String DUPLICATE_PHONE = "+86 137 " + (1000 + ThreadLocalRandom.current().nextInt(8999)) + " 6688";

    /** Larger than any client of an earlier run on a reused stack: ABC gives the largest client class A. */
    static final BigDecimal BIG_ORDER = BigDecimal.valueOf(Instant.now().getEpochSecond()).multiply(BigDecimal.TEN);
    static final BigDecimal FIRST_INSTALMENT = new BigDecimal("1000000.00");
    static final BigDecimal SMALL_ORDER = new BigDecimal("8800.00");
    static final BigDecimal DUPLICATE_ORDER = new BigDecimal("5200.00");

    static String clientId;
    static String bigOrderId;
    static String complaintId;
    static String escalationAfterBreach;
    static String duplicateId;
    static String duplicateOrderId;
    static String duplicateComplaintId;
    static String duplicateContactId;

    @Test
    @Order(1)
    void potential_client_is_known_everywhere_and_becomes_existing_after_five_visits() {
        Map<String, Object> card = new HashMap<>();
        card.put("kind", "COMPANY");
        card.put("legalName", "华东旅程精密机械有限公司" + Users.RUN);
        card.put("industry", "制造业");
        card.put("legalRepresentative", LEGAL_REPRESENTATIVE);
        card.put("phone", CLIENT_PHONE);
        card.put("email", CLIENT_EMAIL);
        card.put("address", Map.of("country", "CN", "province", "江苏省", "city", "苏州市", "district", "工业园区"));
        Response created = CLIENT.request(REP).body(card).post("/api/v1/clients");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        clientId = created.path("id");
        assertThat(created.<String>path("status")).isEqualTo("POTENTIAL");
        assertThat(created.header("Location")).endsWith("/api/v1/clients/" + clientId);
        CLIENT.request(REP).body(Map.of("name", CONTACT_NAME, "title", "采购总监", "phone", CONTACT_MOBILE,
                "decisionMaker", true)).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(201);

        // interaction-service learns the client from crm.client.v1
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
                INTERACTION.request(REP).get("/api/v1/clients/" + clientId + "/brief").statusCode()).isEqualTo(200));
        for (int visit = 1; visit <= 5; visit++) {
            INTERACTION.request(REP).body(Map.of("kind", "VISIT", "occurredAt", daysAgo(30 - visit * 5),
                            "contactName", CONTACT_NAME, "notes", "第" + visit + "次拜访, 联系人手机 " + CONTACT_MOBILE,
                            "outcome", "POSITIVE"))
                    .post("/api/v1/clients/" + clientId + "/interactions").then().statusCode(201);
        }
        JsonPath prospect = INTERACTION.request(REP).get("/api/v1/prospects").then().statusCode(200).extract().jsonPath();
        assertThat(prospect.getInt("items.find { it.clientId == '" + clientId + "' }.visits")).isEqualTo(5);
        assertThat(prospect.getInt("items.find { it.clientId == '" + clientId + "' }.remaining")).isZero();

        transition("INTENDED", "五次拜访后有采购意向");
        Response existing = transition("EXISTING", "签订首单");
        assertThat(existing.<String>path("status")).isEqualTo("EXISTING");

        // a large order paid in two instalments, the second overdue; a small order paid at once
        Response big = INTERACTION.request(REP).body(Map.of("orderedAt", daysAgo(60),
                "lines", List.of(Map.of("productCategory", "数控机床", "quantity", 1, "unitPrice", cny(BIG_ORDER)))))
                .post("/api/v1/clients/" + clientId + "/orders");
        assertThat(big.statusCode()).as(big.asString()).isEqualTo(201);
        bigOrderId = big.path("id");
        INTERACTION.request(REP).header("If-Match", big.header("ETag"))
                .body(Map.of("instalments", List.of(
                        Map.of("dueOn", LocalDate.now(ZoneOffset.UTC).minusDays(40).toString(), "amount", cny(FIRST_INSTALMENT)),
                        Map.of("dueOn", LocalDate.now(ZoneOffset.UTC).minusDays(20).toString(),
                                "amount", cny(BIG_ORDER.subtract(FIRST_INSTALMENT))))))
                .put("/api/v1/orders/" + bigOrderId + "/receivable-plan").then().statusCode(200);
        INTERACTION.request(REP).body(Map.of("amount", cny(FIRST_INSTALMENT), "paidAt", daysAgo(41), "method", "BANK_TRANSFER"))
                .post("/api/v1/orders/" + bigOrderId + "/payments").then().statusCode(201);
        String smallOrderId = INTERACTION.request(REP).body(Map.of("orderedAt", daysAgo(10), "total", cny(SMALL_ORDER)))
                .post("/api/v1/clients/" + clientId + "/orders").then().statusCode(201).extract().path("id");
        INTERACTION.request(REP).body(Map.of("amount", cny(SMALL_ORDER), "paidAt", daysAgo(9), "method", "ONLINE"))
                .post("/api/v1/orders/" + smallOrderId + "/payments").then().statusCode(201);
        INTERACTION.request(MANAGER).post("/api/v1/receivables/overdue-check").then().statusCode(200);

        JsonPath receivables = INTERACTION.request(REP).get("/api/v1/clients/" + clientId + "/receivables")
                .then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(receivables.getString("totals[0].overdue.amount")))
                .isEqualByComparingTo(BIG_ORDER.subtract(FIRST_INSTALMENT));
        assertThat(receivables.getString("open[0].status")).isEqualTo("OVERDUE");
        JsonPath statistics = INTERACTION.request(REP).get("/api/v1/clients/" + clientId + "/purchase-statistics")
                .then().statusCode(200).extract().jsonPath();
        assertThat(statistics.getInt("[0].orderCount")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void complaint_escalates_by_time_is_resolved_and_reopened_by_a_bad_survey() {
        // complaint-service learns the client from crm.client.v1 too: until then an intake is refused (422)
        Response intake = await().atMost(PROPAGATION).until(() -> COMPLAINT.request(SERVICE_DESK)
                .body(Map.of("clientId", clientId, "channel", "PHONE", "category", "PRODUCT_QUALITY", "severity", "HIGH",
                        "subject", "机床主轴异响", "customerWords", CONTACT_NAME + "（手机 " + CONTACT_MOBILE + "）反映主轴三天两次异响"))
                .post("/api/v1/complaints"), answer -> answer.statusCode() == 201);
        complaintId = intake.path("id");
        assertThat(intake.<String>path("sla.policy")).isEqualTo("HIGH");
        assertThat(between(intake, "receivedAt", "sla.firstResponseDueAt")).isEqualTo(SuiteStack.HIGH_FIRST_RESPONSE);

        // nobody answers: the scan warns at 80 % of the first-response target and escalates again at the breach
        JsonPath breached = await().atMost(SuiteStack.HIGH_FIRST_RESPONSE.multipliedBy(5))
                .until(() -> complaint(complaintId), c -> c.getBoolean("sla.firstResponseBreached"));
        escalationAfterBreach = breached.getString("sla.escalationLevel");
        assertThat(escalationAfterBreach).isNotEqualTo("NONE").isNotEqualTo("SUPERVISOR");
        List<String> history = COMPLAINT.request(SERVICE_DESK).get("/api/v1/complaints/" + complaintId + "/history")
                .then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(history).as("history of escalations").contains("ESCALATED", "SLA_BREACHED");

        Response acknowledged = step(complaintId, "PUT", "acknowledgement", Map.of("customerAccount", "主轴异响, 影响生产"));
        assertThat(acknowledged.<String>path("status")).isEqualTo("ACKNOWLEDGED");
        step(complaintId, "POST", "transitions", Map.of("to", "INVESTIGATING"));
        step(complaintId, "PUT", "investigation", Map.of("rootCause", "PRODUCT_DEFECT", "finding", "主轴轴承批次缺陷"));
        step(complaintId, "POST", "resolution", Map.of("apologyGiven", true, "resolution", "更换主轴并延长保修一年"));
        assertThat(complaint(complaintId).getString("status")).isEqualTo("RESOLVED");

        COMPLAINT.request(SERVICE_DESK).body(Map.of("score", 1, "performance", 3, "expectation", 9, "comment", "还是有异响"))
                .post("/api/v1/complaints/" + complaintId + "/survey/answer").then().statusCode(200);
        JsonPath reopened = complaint(complaintId);
        assertThat(reopened.getString("status")).isEqualTo("REOPENED");
        assertThat(reopened.getInt("reopenCount")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void classification_makes_it_a_key_client_with_weekly_supervisor_visits_and_the_stricter_sla() {
        JsonNode classification = classifiedWithRevenue(BIG_ORDER.add(SMALL_ORDER));
        assertThat(classification.at("/abc/abcClass").asText()).isEqualTo("A");
        assertThat(classification.at("/valueTier/tier").asText()).isEqualTo("KEY");

        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonPath card = CLIENT.request(REP).get("/api/v1/clients/" + clientId).then().statusCode(200).extract().jsonPath();
            assertThat(card.getString("segment.abcClass")).isEqualTo("A");
            assertThat(card.getString("segment.valueTier")).isEqualTo("KEY");
        });
        await().atMost(PROPAGATION).untilAsserted(() -> {
            Response cadence = INTERACTION.request(REP).get("/api/v1/clients/" + clientId + "/cadence");
            assertThat(cadence.statusCode()).isEqualTo(200);
            assertThat(cadence.<Boolean>path("weekly")).isTrue();
            assertThat(cadence.<String>path("attendeeLevel")).isEqualTo("SUPERVISOR");
        });
        // the open complaint is re-targeted, and a new one starts with the stricter targets
        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(complaint(complaintId).getString("sla.policy")).isEqualTo("HIGH/KEY"));
        Response second = COMPLAINT.request(SERVICE_DESK).body(Map.of("clientId", clientId, "channel", "EMAIL",
                "category", "DELIVERY", "severity", "HIGH", "subject", "备件交付延迟")).post("/api/v1/complaints");
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
        assertThat(second.<String>path("sla.policy")).isEqualTo("HIGH/KEY");
        assertThat(between(second, "receivedAt", "sla.firstResponseDueAt"))
                .isEqualTo(Duration.ofMillis(Math.round(SuiteStack.HIGH_FIRST_RESPONSE.toMillis() * SuiteStack.KEY_CLIENT_FACTOR)));
    }

    @Test
    @Order(4)
    void a_merged_duplicate_brings_its_timeline_orders_and_complaints_to_the_survivor_everywhere() {
        Map<String, Object> card = Map.of("kind", "COMPANY", "legalName", "华东旅程精机" + Users.RUN,
                "phone", DUPLICATE_PHONE, "industry", "制造业");
        duplicateId = CLIENT.request(REP).body(card).post("/api/v1/clients?allowDuplicate=true")
                .then().statusCode(201).extract().path("id");
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
                INTERACTION.request(REP).get("/api/v1/clients/" + duplicateId + "/brief").statusCode()).isEqualTo(200));
        duplicateContactId = INTERACTION.request(REP).body(Map.of("kind", "PHONE_CALL", "occurredAt", daysAgo(3),
                        "contactName", DUPLICATE_CONTACT, "notes", DUPLICATE_CONTACT + " 来电咨询备件"))
                .post("/api/v1/clients/" + duplicateId + "/interactions").then().statusCode(201).extract().path("id");
        duplicateOrderId = INTERACTION.request(REP).body(Map.of("orderedAt", daysAgo(2), "total", cny(DUPLICATE_ORDER)))
                .post("/api/v1/clients/" + duplicateId + "/orders").then().statusCode(201).extract().path("id");
        duplicateComplaintId = await().atMost(PROPAGATION).until(() -> COMPLAINT.request(SERVICE_DESK)
                        .body(Map.of("clientId", duplicateId, "channel", "EMAIL", "category", "BILLING", "severity", "LOW",
                                "subject", "发票抬头错误", "customerWords", DUPLICATE_CONTACT + "说发票抬头错了"))
                        .post("/api/v1/complaints"), answer -> answer.statusCode() == 201).path("id");

        Response merged = CLIENT.request(REP).header("If-Match", etag(CLIENT, REP, "/api/v1/clients/" + clientId))
                .body(Map.of("duplicateId", duplicateId, "reason", "同一家公司的两张卡片"))
                .post("/api/v1/clients/" + clientId + "/merge");
        assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(200);
        assertThat(merged.<String>path("phone")).as("the survivor had a phone: it keeps its own").isEqualTo(CLIENT_PHONE);
        assertThat(CLIENT.request(ADMIN).get("/api/v1/clients/" + duplicateId).then().extract().<String>path("mergedInto"))
                .isEqualTo(clientId);

        await().atMost(PROPAGATION).untilAsserted(() -> {
            List<String> timeline = INTERACTION.request(REP).get("/api/v1/clients/" + clientId + "/interactions?limit=50")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            assertThat(timeline).hasSize(6).contains(duplicateContactId);
            assertThat(INTERACTION.request(REP).get("/api/v1/orders/" + duplicateOrderId).then().statusCode(200)
                    .extract().<String>path("clientId")).isEqualTo(clientId);
            assertThat(COMPLAINT.request(SERVICE_DESK).get("/api/v1/complaints?clientId=" + clientId)
                    .then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                    .hasSize(3).contains(duplicateComplaintId);
        });
        List<String> orders = INTERACTION.request(REP).get("/api/v1/clients/" + clientId + "/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(orders).hasSize(3).contains(duplicateOrderId, bigOrderId);
        // segmentation counts the duplicate's revenue for the survivor
        classifiedWithRevenue(BIG_ORDER.add(SMALL_ORDER).add(DUPLICATE_ORDER));
    }

    @Test
    @Order(5)
    void erasure_scrubs_personal_data_in_every_service_while_the_figures_stay() {
        Map<String, Object> figuresBefore = figures();
        Response erased = CLIENT.request(ADMIN).header("If-Match", etag(CLIENT, ADMIN, "/api/v1/clients/" + clientId))
                .body(Map.of("reason", "客户依《个人信息保护法》要求删除个人信息")).post("/api/v1/clients/" + clientId + "/erasure");
        assertThat(erased.statusCode()).as(erased.asString()).isEqualTo(200);
        assertThat(erased.<String>path("erasedAt")).isNotNull();

        List<String> personal = List.of(LEGAL_REPRESENTATIVE, CONTACT_NAME, CONTACT_MOBILE, CLIENT_EMAIL, CLIENT_PHONE,
                DUPLICATE_CONTACT, DUPLICATE_PHONE);
        List<String[]> reads = List.of(
                new String[] {"CLIENT", "/api/v1/clients/" + clientId},
                new String[] {"CLIENT", "/api/v1/clients/" + clientId + "/contacts"},
                new String[] {"CLIENT", "/api/v1/clients/" + clientId + "/history"},
                new String[] {"CLIENT", "/api/v1/clients/" + duplicateId},
                new String[] {"INTERACTION", "/api/v1/clients/" + clientId + "/interactions?limit=50"},
                new String[] {"INTERACTION", "/api/v1/clients/" + clientId + "/brief"},
                new String[] {"INTERACTION", "/api/v1/interactions/" + duplicateContactId},
                new String[] {"COMPLAINT", "/api/v1/complaints?clientId=" + clientId},
                new String[] {"COMPLAINT", "/api/v1/complaints/" + complaintId},
                new String[] {"COMPLAINT", "/api/v1/complaints/" + complaintId + "/history"},
                new String[] {"COMPLAINT", "/api/v1/complaints/" + duplicateComplaintId},
                new String[] {"SEGMENTATION", "/api/v1/clients/" + clientId + "/classification"});
        await().atMost(PROPAGATION).untilAsserted(() -> {
            for (String[] read : reads) {
                Response answer = Service.valueOf(read[0]).request(ADMIN).get(read[1]);
                assertThat(answer.statusCode()).as(read[1]).isEqualTo(200);
                assertThat(answer.asString()).as(read[0] + " " + read[1]).doesNotContain(personal);
            }
        });
        assertThat(figures()).isEqualTo(figuresBefore);
    }

    // ---------------------------------------------------------------- helpers

    /** What must survive an erasure: orders, receivables, purchase statistics, complaints, revenue per class. */
    private static Map<String, Object> figures() {
        return Map.of(
                "orders", INTERACTION.request(ADMIN).get("/api/v1/clients/" + clientId + "/orders")
                        .then().statusCode(200).extract().jsonPath().getList("items.total"),
                "receivables", INTERACTION.request(ADMIN).get("/api/v1/clients/" + clientId + "/receivables")
                        .then().statusCode(200).extract().jsonPath().getList("totals"),
                "statistics", INTERACTION.request(ADMIN).get("/api/v1/clients/" + clientId + "/purchase-statistics")
                        .then().statusCode(200).extract().jsonPath().getList("$"),
                "complaints", COMPLAINT.request(ADMIN).get("/api/v1/complaints?clientId=" + clientId)
                        .then().statusCode(200).extract().jsonPath().getList("items.number"),
                "abc", SEGMENTATION.request(ADMIN).get("/api/v1/clients/" + clientId + "/classification")
                        .then().statusCode(200).extract().jsonPath().getMap("abc"));
    }

    /** Runs the classification until it reflects every order the client has (segmentation learns them by Kafka). */
    private static JsonNode classifiedWithRevenue(BigDecimal revenue) {
        return await().atMost(PROPAGATION.multipliedBy(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Response run = SEGMENTATION.request(MANAGER).post("/api/v1/runs");
            if (run.statusCode() == 201) {
                String runId = run.path("id");
                await().atMost(PROPAGATION).until(() -> SEGMENTATION.request(MANAGER).get("/api/v1/runs/" + runId)
                        .then().statusCode(200).extract().<String>path("status"), status -> !"RUNNING".equals(status));
            }
            Response classification = SEGMENTATION.request(REP).get("/api/v1/clients/" + clientId + "/classification");
            return classification.statusCode() == 200 ? JSON.readTree(classification.asString()) : null;
        }, c -> c != null && c.at("/abc/reason/revenue").decimalValue().compareTo(revenue) == 0);
    }

    private static Response transition(String to, String reason) {
        Response answer = CLIENT.request(REP).header("If-Match", etag(CLIENT, REP, "/api/v1/clients/" + clientId))
                .body(Map.of("to", to, "reason", reason)).post("/api/v1/clients/" + clientId + "/transitions");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer;
    }

    /** A handling step of a complaint, with the If-Match of its current version. */
    private static Response step(String id, String method, String path, Map<String, Object> body) {
        Response answer = COMPLAINT.request(SERVICE_DESK).header("If-Match", etag(COMPLAINT, SERVICE_DESK, "/api/v1/complaints/" + id))
                .body(body).request(method, "/api/v1/complaints/" + id + "/" + path);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.asString()).isBetween(200, 201);
        return answer;
    }

    private static JsonPath complaint(String id) {
        return COMPLAINT.request(SERVICE_DESK).get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String etag(Service service, String token, String path) {
        return service.request(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static Duration between(Response answer, String from, String to) {
        return Duration.between(Instant.parse(answer.path(from)), Instant.parse(answer.path(to)));
    }

    static Map<String, String> cny(BigDecimal amount) {
        return Map.of("amount", amount.setScale(2).toPlainString(), "currency", "CNY");
    }

    static String daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days).withNano(0).toString();
    }
}
