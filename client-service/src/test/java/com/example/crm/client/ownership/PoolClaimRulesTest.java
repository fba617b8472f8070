package com.example.crm.client.ownership;

import com.example.crm.client.TestClock;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.EVENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static com.example.crm.client.PoolFixtures.MANAGER;
import static com.example.crm.client.PoolFixtures.POOLS;
import static com.example.crm.client.PoolFixtures.claim;
import static com.example.crm.client.PoolFixtures.clientInPool;
import static com.example.crm.client.PoolFixtures.createPool;
import static com.example.crm.client.PoolFixtures.inDepartment;
import static com.example.crm.client.PoolFixtures.ownership;
import static com.example.crm.client.PoolFixtures.pool;
import static com.example.crm.client.PoolFixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Public pools (公海): returning, claiming and assigning, with the pool's rules (members, daily claim limit,
 * previous-owner cool-down), ownership caps with and without deals counted, lock caps, and races.
 */
@QuarkusTest
class PoolClaimRulesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TestClock clock;

    @Test
    void a_returned_client_sits_in_the_pool_with_its_reason_and_another_member_claims_it_with_history_intact() {
        String a = rep("rep-a");
        String b = rep("rep-b");
        String poolId = createPool(pool("华北公海", a, b));
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            String client = clientInPool(poolId, a, "公海流转科技有限公司");
            as(b, "crm-sales").get(CLIENTS + "/" + client).then().statusCode(200)
                    .body("ownerId", nullValue()).body("placement.inPool", equalTo(true))
                    .body("placement.poolId", equalTo(poolId)).body("placement.reasonCode", equalTo("RETURNED"))
                    .body("placement.reason", equalTo("无意向")).body("placement.inPoolSince", notNullValue());
            as(b, "crm-sales").get(POOLS + "/" + poolId + "/clients").then().statusCode(200)
                    .body("items.id", hasItem(client));

            claim(b, poolId, client).statusCode(200).body("ownerId", equalTo(b)).body("inPool", equalTo(false))
                    .body("pool.id", equalTo(poolId));
            as(b, "crm-sales").get(CLIENTS + "/" + client + "/history").then().statusCode(200)
                    .body("items.action", equalTo(List.of("CLAIMED", "RETURNED_TO_POOL", "REGISTERED")))
                    .body("items[2].actor", equalTo(a));

            List<JsonNode> events = topic.await(r -> r.key().equals(client), 5, Duration.ofSeconds(30)).stream()
                    .map(ConsumerRecord::value).map(EVENTS::assertValid).toList();
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("crm.client.registered.v1",
                    "crm.client.owner-changed.v1", "crm.client.returned-to-pool.v1", "crm.client.owner-changed.v1",
                    "crm.client.claimed.v1");
            assertThat(events.get(1).at("/data/to").isNull()).isTrue();
            assertThat(events.get(2).at("/data/previousOwnerId").asText()).isEqualTo(a);
            assertThat(events.get(2).at("/data/reasonCode").asText()).isEqualTo("RETURNED");
            assertThat(events.get(4).at("/data/ownerId").asText()).isEqualTo(b);
            assertThat(events.get(4).at("/data/how").asText()).isEqualTo("CLAIM");
        }
    }

    @Test
    void only_members_claim_and_only_pool_admins_or_managers_assign() {
        String member = rep("rep-member");
        String outsider = rep("rep-outsider");
        String poolAdmin = rep("rep-pool-admin");
        Map<String, Object> settings = pool("成员公海", member);
        settings.put("admins", List.of(poolAdmin));
        settings.put("memberDepartments", List.of("华东销售部"));
        String poolId = createPool(settings);
        String client = clientInPool(poolId, member, "成员规则有限公司");

        claim(outsider, poolId, client).statusCode(403);
        as(outsider, "crm-sales").body(Map.of("clientId", client, "ownerId", outsider))
                .post(POOLS + "/" + poolId + "/assignments").then().statusCode(403);
        // a member by department claim
        claim(inDepartment(rep("rep-east"), "华东销售部"), poolId, client).statusCode(200)
                .body("ownerDepartment", equalTo("华东销售部"));

        String second = clientInPool(poolId, member, "成员规则二有限公司");
        as(poolAdmin, "crm-sales").body(Map.of("clientId", second, "ownerId", outsider, "reason", "区域调整"))
                .post(POOLS + "/" + poolId + "/assignments").then().statusCode(200).body("ownerId", equalTo(outsider));
        as(outsider, "crm-sales").get(CLIENTS + "/" + second + "/history").then()
                .body("items[0].action", equalTo("ASSIGNED")).body("items[0].reason", equalTo("区域调整"));
    }

    @Test
    void the_daily_claim_limit_refuses_the_next_claim_until_the_next_business_day() {
        String rep = rep("rep-limit");
        Map<String, Object> settings = pool("限领公海", rep);
        settings.put("dailyClaimLimit", 2);
        String poolId = createPool(settings);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(clientInPool(poolId, MANAGER + "-" + rep, "限领客户" + i + "有限公司"));
        }
        claim(rep, poolId, clients.get(0)).statusCode(200);
        claim(rep, poolId, clients.get(1)).statusCode(200);
        claim(rep, poolId, clients.get(2)).statusCode(409)
                .body("type", equalTo("urn:crm:problem:claim-limit-reached")).body("limit", equalTo(2));
        ownership(clients.get(2)).body("inPool", equalTo(true));

        clock.advance(Duration.ofDays(1));
        claim(rep, poolId, clients.get(2)).statusCode(200);
    }

    @Test
    void a_previous_owner_cannot_reclaim_within_the_cooldown_and_may_from_its_last_day() {
        String a = rep("rep-cool-a");
        Map<String, Object> settings = pool("冷却公海", a);
        settings.put("reclaimCooldownDays", 7);
        String poolId = createPool(settings);
        String client = clientInPool(poolId, a, "冷却期有限公司");

        claim(a, poolId, client).statusCode(409).body("type", equalTo("urn:crm:problem:reclaim-cooldown"))
                .body("cooldownDays", equalTo(7)).body("claimableFrom", notNullValue());
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        claim(a, poolId, client).statusCode(409);
        clock.advance(Duration.ofMinutes(2));
        claim(a, poolId, client).statusCode(200).body("ownerId", equalTo(a));
    }

    @Test
    void a_claim_beyond_the_users_cap_is_refused_with_cap_and_count_and_clients_with_a_deal_count_only_if_switched_on() {
        String rep = rep("rep-cap");
        String poolId = createPool(pool("限量公海", rep));
        String owned = register(rep, company("已有客户有限公司"));
        List<String> inPool = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inPool.add(clientInPool(poolId, rep("rep-other"), "限量池客户" + i + "有限公司"));
        }
        as(MANAGER, "crm-manager").body(Map.of("maxOwned", 2, "countClientsWithDeal", true))
                .put("/api/v1/ownership-caps/users/" + rep).then().statusCode(201).body("owned", equalTo(1));

        claim(rep, poolId, inPool.get(0)).statusCode(200);
        claim(rep, poolId, inPool.get(1)).statusCode(409)
                .body("type", equalTo("urn:crm:problem:ownership-cap-reached"))
                .body("cap", equalTo(2)).body("current", equalTo(2)).body("scope", equalTo("USER"))
                .body("detail", containsString("the cap is 2"));
        ownership(inPool.get(1)).body("inPool", equalTo(true));

        // the registered client becomes a deal (EXISTING): with deals not counted, there is room again
        as(rep, "crm-sales").header("If-Match", "\"0\"").body(Map.of("to", "INTENDED"))
                .post(CLIENTS + "/" + owned + "/transitions").then().statusCode(200);
        as(rep, "crm-sales").header("If-Match", "\"1\"").body(Map.of("to", "EXISTING"))
                .post(CLIENTS + "/" + owned + "/transitions").then().statusCode(200);
        claim(rep, poolId, inPool.get(1)).statusCode(409);
        as(MANAGER, "crm-manager").body(Map.of("maxOwned", 2, "countClientsWithDeal", false))
                .put("/api/v1/ownership-caps/users/" + rep).then().statusCode(200).body("owned", equalTo(1));
        claim(rep, poolId, inPool.get(1)).statusCode(200);
        claim(rep, poolId, inPool.get(2)).statusCode(409).body("current", equalTo(2));
    }

    @Test
    void a_department_cap_counts_every_member_and_refuses_an_assignment_beyond_it() {
        String department = "cap-dept-" + UUID.randomUUID().toString().substring(0, 6);
        String first = rep("rep-d1");
        String second = rep("rep-d2");
        Map<String, Object> settings = pool("部门限量公海");
        settings.put("memberDepartments", List.of(department));
        String poolId = createPool(settings);
        String c1 = clientInPool(poolId, rep("rep-x"), "部门限量一有限公司");
        String c2 = clientInPool(poolId, rep("rep-x"), "部门限量二有限公司");
        as(MANAGER, "crm-manager").body(Map.of("maxOwned", 1))
                .put("/api/v1/ownership-caps/departments/" + department).then().statusCode(201);

        claim(inDepartment(first, department), poolId, c1).statusCode(200);
        as(MANAGER, "crm-manager").body(Map.of("clientId", c2, "ownerId", second, "department", department))
                .post(POOLS + "/" + poolId + "/assignments").then().statusCode(409)
                .body("scope", equalTo("DEPARTMENT")).body("subject", equalTo(department))
                .body("cap", equalTo(1)).body("current", equalTo(1));
    }

    @Test
    void an_owner_locks_up_to_their_lock_cap() {
        String rep = rep("rep-lock");
        String c1 = register(rep, company("锁定一有限公司"));
        String c2 = register(rep, company("锁定二有限公司"));
        as(MANAGER, "crm-manager").body(Map.of("maxLocked", 1))
                .put("/api/v1/ownership-caps/users/" + rep).then().statusCode(201);

        as(rep, "crm-sales").put(CLIENTS + "/" + c1 + "/lock").then().statusCode(200).body("locked", equalTo(true));
        as(rep, "crm-sales").put(CLIENTS + "/" + c2 + "/lock").then().statusCode(409)
                .body("type", equalTo("urn:crm:problem:ownership-cap-reached")).body("locks", equalTo(true))
                .body("cap", equalTo(1));
        as(rep("rep-stranger"), "crm-sales").delete(CLIENTS + "/" + c1 + "/lock").then().statusCode(403);
        as(rep, "crm-sales").delete(CLIENTS + "/" + c1 + "/lock").then().statusCode(200).body("locked", equalTo(false));
        as(rep, "crm-sales").put(CLIENTS + "/" + c2 + "/lock").then().statusCode(200);
    }

    @Test
    void a_claim_racing_an_assignment_has_exactly_one_winner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String claimer = rep("rep-race");
            String assignee = rep("rep-assignee");
            String poolId = createPool(pool("竞争公海", claimer));
            String client = clientInPool(poolId, rep("rep-prev"), "竞争客户有限公司");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Callable<Response> claiming = () -> {
                    start.await();
                    return as(claimer, "crm-sales").body(Map.of("clientId", client))
                            .post(POOLS + "/" + poolId + "/claims");
                };
                Callable<Response> assigning = () -> {
                    start.await();
                    return as(MANAGER, "crm-manager").body(Map.of("clientId", client, "ownerId", assignee))
                            .post(POOLS + "/" + poolId + "/assignments");
                };
                Future<Response> claimed = threads.submit(claiming);
                Future<Response> assigned = threads.submit(assigning);
                start.countDown();
                List<Integer> statuses = List.of(claimed.get().statusCode(), assigned.get().statusCode());
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                String winner = claimed.get().statusCode() == 200 ? claimer : assignee;
                ownership(client).body("ownerId", equalTo(winner));
                as(MANAGER, "crm-admin").get(CLIENTS + "/" + client + "/history").then()
                        .body("items.findAll { it.action == 'CLAIMED' || it.action == 'ASSIGNED' }.size()", equalTo(1));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void a_csv_imported_into_a_pool_gives_clients_without_owner_and_only_pool_admins_or_managers_import_there() {
        String member = rep("rep-import");
        String poolId = createPool(pool("导入公海", member));
        String csv = "kind,legalName,unifiedSocialCreditCode,status\n"
                + "COMPANY,导入公海一有限公司," + com.example.crm.client.ClientFixtures.randomCreditCode() + ",POTENTIAL\n"
                + "COMPANY,导入公海二有限公司,,\n";
        as(member, "crm-sales").contentType("text/csv; charset=UTF-8").body(csv)
                .post(CLIENTS + "/import?poolId=" + poolId).then().statusCode(403);
        as(MANAGER, "crm-manager").contentType("text/csv; charset=UTF-8").body(csv)
                .post(CLIENTS + "/import?poolId=" + poolId + "&ownerId=x").then().statusCode(400);
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            as(MANAGER, "crm-manager").contentType("text/csv; charset=UTF-8").body(csv)
                    .post(CLIENTS + "/import?poolId=" + poolId).then().statusCode(200).body("imported", equalTo(2));
            List<JsonNode> registered = topic.await(r -> r.value().contains(poolId), 2, Duration.ofSeconds(30))
                    .stream().map(ConsumerRecord::value).map(EVENTS::assertValid).toList();
            assertThat(registered).allSatisfy(e -> {
                assertThat(e.at("/data/ownerId").isNull()).isTrue();
                assertThat(e.at("/data/poolId").asText()).isEqualTo(poolId);
            });
        }
        as(member, "crm-sales").get(POOLS + "/" + poolId + "/clients").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items.placement.reasonCode", equalTo(List.of("IMPORTED", "IMPORTED")));
    }

    @Test
    void bad_pool_settings_and_requests_get_problems_and_change_nothing() {
        as(rep("rep-sales"), "crm-sales").body(pool("无权公海")).post(POOLS).then().statusCode(403);
        Map<String, Object> twice = pool("重复规则公海");
        twice.put("recallRules", List.of(com.example.crm.client.PoolFixtures.rule("NO_FOLLOW_UP", 10),
                com.example.crm.client.PoolFixtures.rule("NO_FOLLOW_UP", 20)));
        as(MANAGER, "crm-manager").body(twice).post(POOLS).then().statusCode(400)
                .body("errors[0].field", equalTo("recallRules[1].kind"));
        Map<String, Object> zero = pool("零天公海");
        zero.put("recallRules", List.of(com.example.crm.client.PoolFixtures.rule("NO_ORDER", 0)));
        as(MANAGER, "crm-manager").body(zero).post(POOLS).then().statusCode(400);
        as(MANAGER, "crm-manager").body(Map.of("maxOwned", -1)).put("/api/v1/ownership-caps/users/x").then().statusCode(400);
        as(MANAGER, "crm-manager").body(Map.of("maxOwned", 1)).put("/api/v1/ownership-caps/teams/x").then().statusCode(400);
        String poolId = createPool(pool("删除公海", "rep-del"));
        String client = clientInPool(poolId, rep("rep-del"), "删除公海客户有限公司");
        as(MANAGER, "crm-manager").header("If-Match", "\"0\"").delete(POOLS + "/" + poolId).then().statusCode(409);
        claim("rep-del", poolId, client).statusCode(200);
        as("rep-del", "crm-sales").body(Map.of("clientId", client)).post(POOLS + "/" + poolId + "/claims").then()
                .statusCode(409).body("ownerId", equalTo("rep-del"));
        as(MANAGER, "crm-manager").body(Map.of("clientId", "not-a-uuid")).post(POOLS + "/" + poolId + "/claims")
                .then().statusCode(400);
        as("rep-del", "crm-sales").header("If-Match", "\"3\"").body(Map.of("reason", ""))
                .post(CLIENTS + "/" + client + "/return-to-pool").then().statusCode(400);
    }
}
