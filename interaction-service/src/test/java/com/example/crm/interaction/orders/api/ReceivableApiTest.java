package com.example.crm.interaction.orders.api;

import com.example.crm.interaction.TestClock;
import com.example.crm.interaction.orders.application.ReceivableService;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Receivable plans (回款计划), payments (回款), overdue instalments and purchase statistics, through HTTP. */
@QuarkusTest
class ReceivableApiTest {

    /** Orders of most tests are placed 20 days ago at 09:00 in Shanghai; their plans fall due after today. */
    static final LocalDate ORDER_DAY = TestTime.day(-20);
    static final String ORDERED_AT = ORDER_DAY + "T09:00:00+08:00";
    static final String BEFORE_ORDER = ORDER_DAY.minusDays(1).toString();
    static final String DUE_1 = ORDER_DAY.plusDays(30).toString();
    static final String DUE_2 = ORDER_DAY.plusDays(61).toString();

    @Inject
    TestClock clock;

    @Inject
    ReceivableService receivables;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_order_owes_its_total_in_one_instalment_due_after_the_payment_terms() {
        String client = knownClient("rep-p1", "回款默认公司");
        LocalDate orderDay = TestTime.day(-20);
        String order = order("rep-p1", client, orderDay.minusDays(1) + "T23:30:00Z", "1200.00", "CNY");
        // 23:30 UTC is 07:30 of the next day in Shanghai: that is the order day, due 30 days later
        as("rep-p1", "crm-sales").get("/api/v1/orders/" + order + "/receivable-plan").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("outstanding.amount", equalTo("1200.00"))
                .body("instalments.dueOn", contains(orderDay.plusDays(30).toString()))
                .body("instalments.status", contains("PENDING"))
                .body("instalments.reminderDays", contains(3));
    }

    @Test
    void a_plan_splits_the_order_and_must_add_up_to_its_total_in_its_currency() {
        String client = knownClient("rep-p2", "分期回款公司");
        String order = order("rep-p2", client, ORDERED_AT, "1000.00", "CNY");
        String url = "/api/v1/orders/" + order + "/receivable-plan";
        String[][] bad = {
                {plan(DUE_1, "300.00", "CNY", DUE_2, "600.00", "CNY"), "instalments"},
                {plan(DUE_1, "400.00", "CNY", DUE_2, "600.00", "USD"), "instalments[1].amount.currency"},
                {plan(BEFORE_ORDER, "400.00", "CNY", DUE_2, "600.00", "CNY"), "instalments[0].dueOn"},
                {plan(DUE_1, "0", "CNY", DUE_2, "1000.00", "CNY"), "instalments[0].amount.amount"},
                {"{\"instalments\":[]}", "instalments"},
        };
        for (String[] c : bad) {
            as("rep-p2", "crm-sales").header("If-Match", "\"0\"").body(c[0]).put(url).then().statusCode(400)
                    .body("errors.field", hasItem(c[1]));
        }
        as("rep-p2", "crm-sales").body(plan(DUE_1, "400.00", "CNY", DUE_2, "600.00", "CNY")).put(url)
                .then().statusCode(428);
        as("rep-p2", "crm-sales").header("If-Match", "\"7\"")
                .body(plan(DUE_1, "400.00", "CNY", DUE_2, "600.00", "CNY")).put(url).then().statusCode(412);
        as("rep-p2", "crm-sales").get(url).then().body("instalments.size()", equalTo(1));

        as("rep-p2", "crm-sales").header("If-Match", "\"0\"")
                .body(plan(DUE_2, "600.00", "CNY", DUE_1, "400.00", "CNY")).put(url)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("instalments.seq", contains(1, 2))
                .body("instalments.dueOn", contains(DUE_1, DUE_2))
                .body("instalments.amount.amount", contains("400.00", "600.00"));
        assertThat(Sql.count(dataSource, "select count(*) from interaction.receivable_instalment where order_id = ? "
                + "and status = 'VOID'", UUID.fromString(order))).isEqualTo(1);
    }

    @Test
    void payments_settle_the_earliest_instalments_and_paying_more_than_is_owed_is_refused() {
        String client = knownClient("rep-p3", "付款测试公司");
        String order = order("rep-p3", client, ORDERED_AT, "1000.00", "CNY");
        as("rep-p3", "crm-sales").header("If-Match", "\"0\"")
                .body(plan(DUE_1, "400.00", "CNY", DUE_2, "600.00", "CNY"))
                .put("/api/v1/orders/" + order + "/receivable-plan").then().statusCode(200);

        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            as("rep-p3", "crm-sales").body(payment("500.00", "CNY", null))
                    .post("/api/v1/orders/" + order + "/payments").then().statusCode(201)
                    .body("allocations.amount.amount", contains("400.00", "100.00"));
            JsonNode event = EVENTS.assertValid(topic.await(r -> r.key().equals(client), 1, WAIT).get(0).value());
            assertThat(event.get("type").asText()).isEqualTo("crm.interaction.payment-recorded.v1");
            assertThat(event.at("/data/amount").asText()).isEqualTo("500.00");
            assertThat(event.at("/data/orderOutstanding").asText()).isEqualTo("500.00");
            assertThat(event.at("/data/allocations").size()).isEqualTo(2);
            assertThat(event.toString()).doesNotContain("BANKREF-1");
        }
        as("rep-p3", "crm-sales").get("/api/v1/orders/" + order + "/receivable-plan").then()
                .body("instalments.status", contains("PAID", "PARTIAL"))
                .body("instalments.outstanding.amount", contains("0.00", "500.00"));

        String url = "/api/v1/orders/" + order + "/payments";
        as("rep-p3", "crm-sales").body(payment("500.01", "CNY", null)).post(url).then().statusCode(422)
                .body("type", equalTo("urn:crm:problem:business-rule"))
                .body("owed.amount", equalTo("500.00"));
        as("rep-p3", "crm-sales").body(payment("0", "CNY", null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("amount.amount"));
        as("rep-p3", "crm-sales").body(payment("-1.00", "CNY", null)).post(url).then().statusCode(400);
        as("rep-p3", "crm-sales").body(payment("10.00", "USD", null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("amount.currency"));
        as("rep-p3", "crm-sales").body(payment("10.00", "CNY", UUID.randomUUID().toString())).post(url)
                .then().statusCode(400).body("errors.field", hasItem("instalmentId"));
        as("rep-x", "crm-sales").body(payment("10.00", "CNY", null)).post(url).then().statusCode(404);
        assertThat(Sql.count(dataSource, "select count(*) from interaction.payment where order_id = ?",
                UUID.fromString(order))).isEqualTo(1);

        as("rep-p3", "crm-sales").body(payment("500.00", "CNY", null)).post(url).then().statusCode(201);
        as("rep-p3", "crm-sales").get("/api/v1/orders/" + order).then()
                .body("paid.amount", equalTo("1000.00")).body("outstanding.amount", equalTo("0.00"));
        as("rep-p3", "crm-sales").get("/api/v1/clients/" + client + "/payments").then()
                .body("items.size()", equalTo(2)).body("items[0].method", equalTo("BANK_TRANSFER"));
    }

    @Test
    void a_payment_against_an_instalment_may_not_exceed_what_that_instalment_owes() {
        String client = knownClient("rep-p4", "指定分期公司");
        String order = order("rep-p4", client, ORDERED_AT, "1000.00", "CNY");
        List<String> ids = as("rep-p4", "crm-sales").header("If-Match", "\"0\"")
                .body(plan(DUE_1, "400.00", "CNY", DUE_2, "600.00", "CNY"))
                .put("/api/v1/orders/" + order + "/receivable-plan").then().statusCode(200).extract().path("instalments.id");
        String url = "/api/v1/orders/" + order + "/payments";
        as("rep-p4", "crm-sales").body(payment("600.01", "CNY", ids.get(1))).post(url).then().statusCode(422)
                .body("owed.amount", equalTo("600.00"));
        as("rep-p4", "crm-sales").body(payment("600.00", "CNY", ids.get(1))).post(url).then().statusCode(201)
                .body("instalmentId", equalTo(ids.get(1)));
        as("rep-p4", "crm-sales").get("/api/v1/orders/" + order + "/receivable-plan").then()
                .body("instalments.status", contains("PENDING", "PAID"));
    }

    @Test
    void the_overdue_check_flags_a_past_due_instalment_once_and_the_collection_list_shows_it_first() {
        String client = knownClient("rep-p5", "逾期回款公司");
        LocalDate lateDue = TestTime.day(-94);
        String late = order("rep-p5", client, lateDue.minusDays(30) + "T10:00:00+08:00", "800.00", "CNY");
        order("rep-p5", client, TestTime.day(-13) + "T10:00:00+08:00", "200.00", "CNY"); // due in 17 days
        as("rep-p5", "crm-sales").body(payment("300.00", "CNY", null)).post("/api/v1/orders/" + late + "/payments")
                .then().statusCode(201);
        LocalDate today = clock.today();
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            assertThat(receivables.flagOverdue(today)).isGreaterThanOrEqualTo(1);
            receivables.flagOverdue(today);
            JsonNode event = EVENTS.assertValid(topic.await(r -> r.key().equals(client), 1, WAIT).get(0).value());
            assertThat(event.get("type").asText()).isEqualTo("crm.interaction.payment-overdue.v1");
            assertThat(event.at("/data/dueOn").asText()).isEqualTo(lateDue.toString());
            assertThat(event.at("/data/outstanding").asText()).isEqualTo("500.00");
            assertThat(allPublishedFor(topic, dataSource, client)).as("announced once").hasSize(1);
        }
        as("rep-p5", "crm-sales").get("/api/v1/clients/" + client + "/receivables").then().statusCode(200)
                .body("totals[0].outstanding.amount", equalTo("700.00"))
                .body("totals[0].overdue.amount", equalTo("500.00"))
                .body("open.status", contains("OVERDUE", "PENDING"))
                .body("open[0].daysOverdue", equalTo((int) ChronoUnit.DAYS.between(
                        lateDue, today)));
        as("rep-p5", "crm-sales").get("/api/v1/receivables?overdueOnly=true").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].legalName", equalTo("逾期回款公司"))
                .body("items[0].reminderDue", equalTo(true))
                .body("items[0].instalment.overdueSince", equalTo(today.toString()));
        as("rep-p5", "crm-sales").get("/api/v1/receivables").then().body("items.size()", equalTo(2));
        as("rep-p5", "crm-sales").get("/api/v1/receivables?owner=rep-other").then().statusCode(403);
    }

    @Test
    void a_cancelled_order_owes_nothing_and_an_order_with_payments_cannot_be_cancelled() {
        String client = knownClient("rep-p6", "取消回款公司");
        String unpaid = order("rep-p6", client, ORDERED_AT, "100.00", "CNY");
        String paid = order("rep-p6", client, ORDERED_AT, "100.00", "CNY");
        as("rep-p6", "crm-sales").body(payment("10.00", "CNY", null)).post("/api/v1/orders/" + paid + "/payments")
                .then().statusCode(201);
        as("rep-p6", "crm-sales").header("If-Match", "\"0\"").body("{}").post("/api/v1/orders/" + unpaid + "/cancellation")
                .then().statusCode(200).body("outstanding.amount", equalTo("0.00"));
        as("rep-p6", "crm-sales").header("If-Match", "\"1\"").body("{}").post("/api/v1/orders/" + paid + "/cancellation")
                .then().statusCode(409);
        as("rep-p6", "crm-sales").body(payment("10.00", "CNY", null)).post("/api/v1/orders/" + unpaid + "/payments")
                .then().statusCode(409);
        as("rep-p6", "crm-sales").get("/api/v1/clients/" + client + "/receivables").then()
                .body("totals[0].outstanding.amount", equalTo("90.00"));
    }

    @Test
    void purchase_statistics_total_by_business_month_and_year_with_growth_and_average_interval() {
        String client = knownClient("rep-p7", "统计采购公司");
        int last = TestTime.today().getYear() - 1; // every order of the test is in the past
        int before = last - 1;
        order("rep-p7", client, before + "-03-10T10:00:00+08:00", "100.00", "CNY");
        order("rep-p7", client, before + "-12-31T20:00:00Z", "300.00", "CNY"); // 1 January 04:00 in Shanghai
        order("rep-p7", client, last + "-03-10T10:00:00+08:00", "200.00", "CNY");
        String cancelled = order("rep-p7", client, last + "-04-01T10:00:00+08:00", "9999.00", "CNY");
        as("rep-p7", "crm-sales").header("If-Match", "\"0\"").body("{}")
                .post("/api/v1/orders/" + cancelled + "/cancellation").then().statusCode(200);
        order("rep-p7", client, last + "-05-01T10:00:00+08:00", "50.00", "USD");

        as("rep-p7", "crm-sales").get("/api/v1/clients/" + client + "/purchase-statistics").then().statusCode(200)
                .body("currency", contains("CNY", "USD"))
                .body("[0].orderCount", equalTo(3))
                .body("[0].months.period", contains(before + "-03", last + "-01", last + "-03"))
                .body("[0].years.period", contains(Integer.toString(before), Integer.toString(last)))
                .body("[0].years.amount.amount", contains("100.00", "500.00"))
                .body("[0].years[0].growthRate", nullValue())
                .body("[0].years[1].growthRate", equalTo(4.0f))
                .body("[0].lastOrderAt", equalTo(last + "-03-10T02:00:00Z"))
                .body("[0].averageOrderIntervalDays", equalTo(ChronoUnit.DAYS.between(
                        LocalDate.of(before, 3, 10), LocalDate.of(last, 3, 10)) / 2f))
                .body("[1].averageOrderIntervalDays", nullValue());
    }

    private static String order(String rep, String client, String orderedAt, String amount, String currency) {
        return as(rep, "crm-sales").body("{\"orderedAt\":\"%s\",\"total\":{\"amount\":\"%s\",\"currency\":\"%s\"}}"
                        .formatted(orderedAt, amount, currency))
                .post("/api/v1/clients/" + client + "/orders").then().statusCode(201).extract().path("id");
    }

    private static String plan(String due1, String amount1, String currency1, String due2, String amount2,
                               String currency2) {
        return """
                {"instalments":[{"dueOn":"%s","amount":{"amount":"%s","currency":"%s"},"reminderDays":5},
                                {"dueOn":"%s","amount":{"amount":"%s","currency":"%s"}}]}"""
                .formatted(due1, amount1, currency1, due2, amount2, currency2);
    }

    private static String payment(String amount, String currency, String instalmentId) {
        return """
                {"amount":{"amount":"%s","currency":"%s"},"paidAt":"%s",
                 "method":"BANK_TRANSFER","reference":"BANKREF-1"%s}"""
                .formatted(amount, currency, TestTime.at(-1, "10:00"), instalmentId == null ? "" : ",\"instalmentId\":\"" + instalmentId + "\"");
    }
}
