package com.example.crm.interaction.orders.api;

import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.example.crm.interaction.InteractionFixtures.EVENTS;
import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.kafka;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Orders through HTTP and their events on crm.interaction.v1. */
@QuarkusTest
class OrderApiTest {

    static final String ORDERED_AT = TestTime.day(-32) + "T09:00:00Z";

    @Test
    void an_order_with_lines_totals_them_in_decimals_and_is_announced_then_cancelled() {
        String client = knownClient("rep-o1", "订单测试有限公司");
        LocalDate ordered = TestTime.day(-15);
        try (TopicReader topic = TopicReader.fromEnd(kafka(), "crm.interaction.v1")) {
            String order = as("rep-o1", "crm-sales").body("""
                    {"orderedAt":"%sT15:00:00+08:00","lines":[
                      {"productCategory":"轴承","quantity":3,"unitPrice":{"amount":"0.10","currency":"CNY"}},
                      {"productCategory":"齿轮","quantity":2.5,"unitPrice":{"amount":"1999.99","currency":"CNY"}}]}"""
                            .formatted(ordered))
                    .post("/api/v1/clients/" + client + "/orders")
                    .then().statusCode(201).header("ETag", "\"0\"")
                    .body("total.amount", equalTo("5000.275"))
                    .body("total.currency", equalTo("CNY"))
                    .body("status", equalTo("PLACED"))
                    .body("lines.amount.amount", contains("0.30", "4999.975"))
                    .extract().path("id");

            as("rep-o1", "crm-sales").header("If-Match", "\"0\"").body("{\"reason\":\"客户取消\"}")
                    .post("/api/v1/orders/" + order + "/cancellation").then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
            as("rep-o1", "crm-sales").header("If-Match", "\"1\"").body("{}")
                    .post("/api/v1/orders/" + order + "/cancellation").then().statusCode(409)
                    .body("type", equalTo("urn:crm:problem:illegal-transition"));

            List<JsonNode> events = topic.await(r -> r.key().equals(client), 2, WAIT).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("crm.interaction.order-placed.v1", "crm.interaction.order-cancelled.v1");
            assertThat(events.get(0).at("/data/amount").asText()).isEqualTo("5000.275");
            assertThat(events.get(0).at("/data/occurredAt").asText()).isEqualTo(ordered + "T07:00:00Z");
            assertThat(events.get(1).at("/data/orderId").asText()).isEqualTo(order);
        }
        as("rep-o1", "crm-sales").get("/api/v1/clients/" + client + "/orders").then().body("items.size()", equalTo(1));
    }

    @Test
    void the_idempotency_key_of_an_order_for_one_client_does_not_replay_it_for_another_client() {
        String a = knownClient("rep-o6", "幂等甲公司");
        String b = knownClient("rep-o6", "幂等乙公司");
        String key = UUID.randomUUID().toString();
        String body = "{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"10.00\",\"currency\":\"CNY\"}}";
        as("rep-o6", "crm-sales").header("Idempotency-Key", key).body(body).post("/api/v1/clients/" + a + "/orders")
                .then().statusCode(201);
        as("rep-o6", "crm-sales").header("Idempotency-Key", key).body(body).post("/api/v1/clients/" + b + "/orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:idempotency-key-reused"));
        as("rep-o6", "crm-sales").header("Idempotency-Key", key).body(body).post("/api/v1/clients/" + a + "/orders")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"0\"");
        as("rep-o6", "crm-sales").get("/api/v1/clients/" + a + "/orders").then().body("items.size()", equalTo(1));
        as("rep-o6", "crm-sales").get("/api/v1/clients/" + b + "/orders").then().body("items.size()", equalTo(0));
    }

    @Test
    void a_json_null_body_is_a_400_problem_and_does_not_cancel_the_order() {
        String client = knownClient("rep-o4", "空值取消公司");
        String order = as("rep-o4", "crm-sales")
                .body("{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"10.00\",\"currency\":\"CNY\"}}")
                .post("/api/v1/clients/" + client + "/orders").then().statusCode(201).extract().path("id");
        as("rep-o4", "crm-sales").header("If-Match", "\"0\"").body("null").post("/api/v1/orders/" + order + "/cancellation")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        as("rep-o4", "crm-sales").get("/api/v1/orders/" + order).then().body("status", equalTo("PLACED"))
                .header("ETag", "\"0\"");
    }

    @Test
    void an_order_given_by_total_is_delivered() {
        String client = knownClient("rep-o2", "汇总订单有限公司");
        String order = as("rep-o2", "crm-sales")
                .body("{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"88000.00\",\"currency\":\"USD\"}}")
                .post("/api/v1/clients/" + client + "/orders").then().statusCode(201)
                .body("total.amount", equalTo("88000.00")).extract().path("id");
        as("rep-o2", "crm-sales").header("If-Match", "\"0\"").post("/api/v1/orders/" + order + "/delivery")
                .then().statusCode(200).body("status", equalTo("DELIVERED"));
    }

    @Test
    void bad_orders_are_400_problems_and_write_nothing() {
        String client = knownClient("rep-o3", "坏订单有限公司");
        String url = "/api/v1/clients/" + client + "/orders";
        String[][] cases = {
                {"{\"orderedAt\":\"" + ORDERED_AT + "\"}", "lines"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"0\",\"currency\":\"CNY\"}}", "total.amount"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"-5.00\",\"currency\":\"CNY\"}}", "total.amount"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":12.5,\"currency\":\"CNY\"}}", "total.amount"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"5.00\",\"currency\":\"RMB\"}}", "total.currency"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"lines\":[{\"productCategory\":\"a\",\"quantity\":1,\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}},"
                        + "{\"productCategory\":\"b\",\"quantity\":1,\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"}}]}", "lines[1].unitPrice.currency"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"lines\":[{\"productCategory\":\"a\",\"quantity\":\"2\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}]}", "lines[0].quantity"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"lines\":[{\"productCategory\":\"a\",\"quantity\":0,\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}]}", "lines[0].quantity"},
                {"{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"3.00\",\"currency\":\"CNY\"},\"lines\":[{\"productCategory\":\"a\",\"quantity\":1,\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}]}", "total"}};
        for (String[] bad : cases) {
            as("rep-o3", "crm-sales").body(bad[0]).post(url).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        as("rep-o3", "crm-sales").get(url).then().body("items.size()", equalTo(0));
        as("rep-o3", "crm-sales").body("{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}")
                .post("/api/v1/clients/" + UUID.randomUUID() + "/orders").then().statusCode(404).body("retryable", equalTo(true));
        // another rep's client is outside a rep's data scope: it does not exist for them
        as("rep-other-o", "crm-sales").body("{\"orderedAt\":\"" + ORDERED_AT + "\",\"total\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}")
                .post(url).then().statusCode(404);
    }
}
