package com.example.crm.client.ownership;

import com.example.crm.client.TestClock;
import com.example.crm.contract.segment.SegmentEventExamples;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.EVENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.PoolFixtures.MANAGER;
import static com.example.crm.client.PoolFixtures.POOLS;
import static com.example.crm.client.PoolFixtures.claim;
import static com.example.crm.client.PoolFixtures.clientInPool;
import static com.example.crm.client.PoolFixtures.contactLogged;
import static com.example.crm.client.PoolFixtures.createPool;
import static com.example.crm.client.PoolFixtures.orderCancelled;
import static com.example.crm.client.PoolFixtures.orderPlaced;
import static com.example.crm.client.PoolFixtures.ownership;
import static com.example.crm.client.PoolFixtures.pool;
import static com.example.crm.client.PoolFixtures.recallRun;
import static com.example.crm.client.PoolFixtures.rep;
import static com.example.crm.client.PoolFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Automatic recall (自动回收): each rule at its boundary, days per ABC class, lock and deal exemptions, follow-ups
 * and orders learned from crm.interaction.v1, warnings once per due date, and two runs at once recalling each client
 * once. The clock is moved instead of waiting.
 */
@QuarkusTest
class AutomaticRecallTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource db;

    private String poolWith(String rep, Map<String, Object>... rules) {
        Map<String, Object> settings = pool("回收公海", rep);
        settings.put("recallRules", List.of(rules));
        return createPool(settings);
    }

    /** A client the rep claimed from the pool just now. */
    private static String claimed(String poolId, String rep, String name) {
        String client = clientInPool(poolId, rep("rep-before"), name);
        claim(rep, poolId, client).statusCode(200);
        return client;
    }

    @Test
    void no_follow_up_recalls_on_its_boundary_day_and_a_logged_contact_moves_it() {
        String rep = rep("rep-follow");
        String poolId = poolWith(rep, rule("NO_FOLLOW_UP", 10));
        String client = claimed(poolId, rep, "跟进回收有限公司");
        ownership(client).body("recall.rule", equalTo("NO_FOLLOW_UP")).body("recall.days", equalTo(10));

        clock.advance(Duration.ofDays(4));
        Instant contact = clock.instant();
        contactLogged(kafka, client, contact);
        await().atMost(WAIT).untilAsserted(() -> ownership(client).body("lastFollowUpAt", notNullValue()));
        // 10 days counted from the contact now
        clock.advance(Duration.ofDays(10).minusMinutes(1));
        recallRun();
        ownership(client).body("ownerId", equalTo(rep));
        clock.advance(Duration.ofMinutes(2));
        recallRun().body("recalled", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        ownership(client).body("inPool", equalTo(true)).body("ownerId", nullValue())
                .body("reasonCode", equalTo("RECALLED_NO_FOLLOW_UP")).body("reason", containsString("10 days"))
                .body("pool.id", equalTo(poolId));
        as(MANAGER, "crm-manager").get(CLIENTS + "/" + client + "/history").then()
                .body("items[0].action", equalTo("RECALLED")).body("items[0].actor", equalTo("recall-job"));
    }

    @Test
    void no_order_counts_from_the_last_order_and_a_cancelled_order_does_not_count() {
        String rep = rep("rep-order");
        String poolId = poolWith(rep, rule("NO_ORDER", 30));
        String client = claimed(poolId, rep, "订单回收有限公司");
        Instant taken = clock.instant();
        orderPlaced(kafka, client, taken.plus(Duration.ofDays(5)));
        String late = orderPlaced(kafka, client, taken.plus(Duration.ofDays(20)));
        await().atMost(WAIT).untilAsserted(() -> ownership(client).body("liveOrders", equalTo(2))
                .body("recall.dueAt", equalTo(taken.plus(Duration.ofDays(50)).toString())));
        orderCancelled(kafka, client, late, taken.plus(Duration.ofDays(20)));
        await().atMost(WAIT).untilAsserted(() -> ownership(client).body("liveOrders", equalTo(1))
                .body("recall.dueAt", equalTo(taken.plus(Duration.ofDays(35)).toString())));

        clock.advance(Duration.ofDays(35).minusMinutes(1));
        recallRun();
        ownership(client).body("inPool", equalTo(false));
        clock.advance(Duration.ofMinutes(2));
        recallRun();
        ownership(client).body("inPool", equalTo(true)).body("reasonCode", equalTo("RECALLED_NO_ORDER"));
    }

    @Test
    void not_converted_recalls_a_potential_client_but_never_an_existing_one() {
        String rep = rep("rep-convert");
        String poolId = poolWith(rep, rule("NOT_CONVERTED", 15));
        String stays = claimed(poolId, rep, "已成交不回收有限公司");
        String goes = claimed(poolId, rep, "未转化回收有限公司");
        long version = ownership(stays).extract().<Integer>path("version");
        as(rep, "crm-sales").header("If-Match", "\"" + version + "\"").body(Map.of("to", "INTENDED"))
                .post(CLIENTS + "/" + stays + "/transitions").then().statusCode(200);
        as(rep, "crm-sales").header("If-Match", "\"" + (version + 1) + "\"").body(Map.of("to", "EXISTING"))
                .post(CLIENTS + "/" + stays + "/transitions").then().statusCode(200);
        ownership(stays).body("recall", nullValue()).body("notRecalledBecause", containsString("no recall rule"));

        clock.advance(Duration.ofDays(15).minusMinutes(1));
        recallRun();
        ownership(goes).body("inPool", equalTo(false));
        clock.advance(Duration.ofMinutes(2));
        recallRun();
        ownership(goes).body("inPool", equalTo(true)).body("reasonCode", equalTo("RECALLED_NOT_CONVERTED"));
        ownership(stays).body("ownerId", equalTo(rep));
    }

    @Test
    void class_a_clients_get_their_longer_days_and_locked_clients_and_clients_with_a_deal_are_spared() {
        String rep = rep("rep-class");
        Map<String, Object> followUp = rule("NO_FOLLOW_UP", 10);
        followUp.put("daysByAbcClass", Map.of("A", 30));
        followUp.put("exemptWithDeal", true);
        String poolId = poolWith(rep, followUp);
        String key = claimed(poolId, rep, "重点客户有限公司");
        String locked = claimed(poolId, rep, "锁定客户有限公司");
        String deal = claimed(poolId, rep, "成交客户有限公司");
        String plain = claimed(poolId, rep, "普通客户有限公司");

        ClientEventsForTests.publish(kafka, "crm.segment.v1", key,
                SegmentEventExamples.classified(key, "A", "KEY", clock.instant(), TestTime.now()));
        orderPlaced(kafka, deal, clock.instant());
        as(rep, "crm-sales").put(CLIENTS + "/" + locked + "/lock").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> {
            ownership(key).body("recall.days", equalTo(30));
            ownership(deal).body("hasDeal", equalTo(true)).body("recall", nullValue());
        });
        ownership(locked).body("recall", nullValue()).body("notRecalledBecause", equalTo("it is locked"));

        clock.advance(Duration.ofDays(10).plusMinutes(1));
        recallRun();
        ownership(plain).body("inPool", equalTo(true));
        ownership(key).body("inPool", equalTo(false));
        ownership(locked).body("inPool", equalTo(false));
        ownership(deal).body("inPool", equalTo(false));

        clock.advance(Duration.ofDays(20));
        recallRun();
        ownership(key).body("inPool", equalTo(true));
        ownership(locked).body("inPool", equalTo(false));
    }

    @Test
    void an_owner_is_warned_once_per_due_date_and_sees_the_client_in_the_to_do_feed() {
        String rep = rep("rep-warn");
        Map<String, Object> settings = pool("预警公海", rep);
        settings.put("warningDays", 3);
        settings.put("recallRules", List.of(rule("NO_FOLLOW_UP", 10)));
        String poolId = createPool(settings);
        String client = claimed(poolId, rep, "预警客户有限公司");

        as(rep, "crm-sales").get("/api/v1/recall-warnings").then().statusCode(200)
                .body("items.clientId", not(hasItem(client)));
        as(rep, "crm-sales").get("/api/v1/recall-warnings?withinDays=10").then()
                .body("items.clientId", hasItem(client));
        as(rep("rep-nosy"), "crm-sales").get("/api/v1/recall-warnings?ownerId=" + rep).then().statusCode(403);

        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            recallRun();
            recallRun();
            as(rep, "crm-sales").get("/api/v1/recall-warnings").then().body("items.clientId", hasItem(client))
                    .body("items.find { it.clientId == '" + client + "' }.rule", equalTo("NO_FOLLOW_UP"));
            List<JsonNode> warnings = topic.await(r -> r.key().equals(client)
                    && r.value().contains("recall-warning"), 1, WAIT).stream()
                    .map(ConsumerRecord::value).map(EVENTS::assertValid).toList();
            assertThat(warnings.get(0).at("/data/ownerId").asText()).isEqualTo(rep);
            // a third run: still the same due date, no second warning
            recallRun();
            assertThat(topic.drainAfterOutbox(db, "client.outbox", WAIT).stream()
                    .filter(r -> r.key().equals(client) && r.value().contains("recall-warning")).count()).isEqualTo(1);
        }
    }

    @Test
    void two_recall_runs_at_once_recall_each_due_client_exactly_once() throws Exception {
        String rep = rep("rep-twice");
        String poolId = poolWith(rep, rule("NOT_CONVERTED", 3));
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            clients.add(claimed(poolId, rep, "并发回收" + i + "有限公司"));
        }
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<Response>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return as(MANAGER, "crm-manager").post(POOLS + "/recall-runs");
                }));
            }
            start.countDown();
            int recalled = 0;
            for (Future<Response> run : runs) {
                assertThat(run.get().statusCode()).isEqualTo(200);
                recalled += run.get().<Integer>path("recalled");
            }
            threads.shutdown();
            assertThat(recalled).isGreaterThanOrEqualTo(clients.size());
            topic.await(r -> clients.contains(r.key()) && r.value().contains("returned-to-pool"), clients.size(), WAIT);
            topic.drainToEnd(Duration.ofSeconds(3));
            for (String client : clients) {
                ownership(client).body("inPool", equalTo(true));
                assertThat(topic.seen().stream()
                        .filter(r -> r.key().equals(client) && r.value().contains("returned-to-pool")).count())
                        .as("returned-to-pool events of %s", client).isEqualTo(1);
                as(MANAGER, "crm-manager").get(CLIENTS + "/" + client + "/history").then()
                        .body("items.findAll { it.action == 'RECALLED' }.size()", equalTo(1));
            }
        }
    }

    @Test
    void the_ownership_explains_who_owns_which_rule_would_recall_and_when() {
        String rep = rep("rep-explain");
        String poolId = poolWith(rep, rule("NO_FOLLOW_UP", 20), rule("NOT_CONVERTED", 12));
        String client = claimed(poolId, rep, "解释回收有限公司");
        Instant taken = Instant.parse(ownership(client).extract().<String>path("ownedSince"));
        ownership(client).body("ownerId", equalTo(rep)).body("pool.id", equalTo(poolId))
                .body("recall.rule", equalTo("NOT_CONVERTED")).body("recall.days", equalTo(12))
                .body("recall.countingFrom", equalTo(taken.toString()))
                .body("recall.dueAt", equalTo(taken.plus(Duration.ofDays(12)).toString()))
                .body("recall.warningFrom", equalTo(taken.plus(Duration.ofDays(9)).toString()));
        as(rep("rep-any"), "crm-sales").get(CLIENTS + "/" + client + "/ownership").then().statusCode(404);
        as(rep, "crm-sales").get(CLIENTS + "/" + UUID.randomUUID() + "/ownership").then().statusCode(404);
    }
}
