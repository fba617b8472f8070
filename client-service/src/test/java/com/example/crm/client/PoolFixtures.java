package com.example.crm.client;

import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.TestTime;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static io.restassured.RestAssured.given;

/** Pools, pool clients and interaction facts for the ownership tests. */
public final class PoolFixtures {

    public static final String POOLS = "/api/v1/pools";
    public static final String MANAGER = "pool-manager";

    private PoolFixtures() {
    }

    /** A user id of its own for one test (caps, limits and counts are per user). */
    public static String rep(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Settings of a pool named uniquely, with {@code members} as member users; no rules unless added. */
    public static Map<String, Object> pool(String name, String... members) {
        Map<String, Object> pool = new HashMap<>();
        pool.put("name", name + " " + UUID.randomUUID().toString().substring(0, 8));
        pool.put("memberUsers", List.of(members));
        return pool;
    }

    public static Map<String, Object> rule(String kind, int days) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("kind", kind);
        rule.put("days", days);
        return rule;
    }

    public static String createPool(Map<String, Object> pool) {
        return as(MANAGER, "crm-manager").body(pool).post(POOLS).then().statusCode(201).extract().path("id");
    }

    /** A client registered by {@code rep} and put back into the pool by them: it sits in the pool. */
    public static String clientInPool(String poolId, String rep, String name) {
        String id = register(rep, company(name));
        as(rep, "crm-sales").header("If-Match", "\"0\"").body(Map.of("poolId", poolId, "reason", "无意向"))
                .post(CLIENTS + "/" + id + "/return-to-pool").then().statusCode(200);
        return id;
    }

    public static io.restassured.response.ValidatableResponse claim(RequestSpecification who, String poolId, String clientId) {
        return who.body(Map.of("clientId", clientId)).post(POOLS + "/" + poolId + "/claims").then();
    }

    public static io.restassured.response.ValidatableResponse claim(String rep, String poolId, String clientId) {
        return claim(as(rep, "crm-sales"), poolId, clientId);
    }

    public static RequestSpecification inDepartment(String subject, String department) {
        return given().header("Authorization", com.example.crm.platform.testing.Tokens.bearerInDepartment(subject,
                department, "crm-sales")).contentType(ContentType.JSON);
    }

    /** The client's ownership as an admin reads it (every client is in an admin's data scope). */
    public static io.restassured.response.ValidatableResponse ownership(String clientId) {
        return as(MANAGER, "crm-admin").get(CLIENTS + "/" + clientId + "/ownership").then().statusCode(200);
    }

    public static io.restassured.response.ValidatableResponse recallRun() {
        return as(MANAGER, "crm-manager").post(POOLS + "/recall-runs").then().statusCode(200);
    }

    /** interaction-service's contact-logged event, as it publishes it on crm.interaction.v1. */
    public static void contactLogged(String kafka, String clientId, Instant occurredAt) {
        interactionEvent(kafka, clientId, "crm.interaction.contact-logged.v1", """
                {"clientId":"%s","interactionId":"%s","kind":"VISIT","direction":"OUTBOUND","occurredAt":"%s",
                 "staffId":"rep","attendeeLevel":"REP","checkedIn":false}""".formatted(clientId, UUID.randomUUID(), occurredAt));
    }

    /** interaction-service's order-placed event; the order's id. */
    public static String orderPlaced(String kafka, String clientId, Instant occurredAt) {
        String order = UUID.randomUUID().toString();
        interactionEvent(kafka, clientId, "crm.interaction.order-placed.v1", """
                {"clientId":"%s","orderId":"%s","occurredAt":"%s","amount":"1000.00","currency":"CNY","lineCount":1,
                 "productCategories":["设备"]}""".formatted(clientId, order, occurredAt));
        return order;
    }

    public static void orderCancelled(String kafka, String clientId, String orderId, Instant orderedAt) {
        interactionEvent(kafka, clientId, "crm.interaction.order-cancelled.v1", """
                {"clientId":"%s","orderId":"%s","occurredAt":"%s","orderedAt":"%s","amount":"1000.00","currency":"CNY"}"""
                .formatted(clientId, orderId, TestTime.now(), orderedAt));
    }

    private static void interactionEvent(String kafka, String clientId, String type, String data) {
        ClientEventsForTests.publish(kafka, "crm.interaction.v1", clientId, ClientEventsForTests.event(
                "/crm/interaction-service", UUID.randomUUID().toString(), type, clientId, data));
    }
}
