package com.example.crm.client.ownership.api;

import com.example.crm.client.PoolFixtures;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.EVENTS;
import static com.example.crm.client.ClientFixtures.MERGE_PATCH;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Handing clients over, one or all of a rep's, and the field-level history every change leaves. */
@QuarkusTest
class ClientOwnershipAndHistoryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void the_owner_hands_a_client_over_and_the_new_owner_sees_its_whole_history() {
        String id = register("rep-leaving", company("交接测试有限公司"));
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            as("rep-leaving", "crm-sales").header("If-Match", "\"0\"")
                    .body(Map.of("ownerId", "rep-next", "reason", "调岗交接")).post(CLIENTS + "/" + id + "/owner")
                    .then().statusCode(200).body("ownerId", equalTo("rep-next")).header("ETag", "\"1\"");

            JsonNode event = EVENTS.assertValid(
                    topic.await(r -> r.key().equals(id), 1, Duration.ofSeconds(30)).get(0).value());
            assertThat(event.get("type").asText()).isEqualTo("crm.client.owner-changed.v1");
            assertThat(event.at("/data/from").asText()).isEqualTo("rep-leaving");
            assertThat(event.at("/data/to").asText()).isEqualTo("rep-next");
        }
        as("rep-next", "crm-sales").get(CLIENTS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("OWNER_CHANGED", "REGISTERED"))
                .body("items[0].reason", equalTo("调岗交接"))
                .body("items[0].changes.ownerId.from", equalTo("rep-leaving"))
                .body("items[0].changes.ownerId.to", equalTo("rep-next"));
        // the previous owner no longer sees it (nor may change it)
        as("rep-leaving", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body(Map.of("shortName", "x")).patch(CLIENTS + "/" + id).then().statusCode(404);
    }

    @Test
    void making_a_pool_the_default_takes_the_flag_from_the_pool_that_had_it_instead_of_failing() {
        Map<String, Object> first = PoolFixtures.pool("默认公海甲");
        first.put("defaultPool", true);
        String firstId = PoolFixtures.createPool(first);
        Map<String, Object> second = PoolFixtures.pool("默认公海乙");
        String secondId = PoolFixtures.createPool(second);

        second.put("defaultPool", true);
        as(PoolFixtures.MANAGER, "crm-manager").header("If-Match", "\"0\"").body(second)
                .put(PoolFixtures.POOLS + "/" + secondId).then().statusCode(200).body("defaultPool", equalTo(true));

        as(PoolFixtures.MANAGER, "crm-manager").get(PoolFixtures.POOLS + "/" + firstId).then().body("defaultPool", equalTo(false));
        second.put("defaultPool", false); // the other tests expect no default pool
        as(PoolFixtures.MANAGER, "crm-manager").header("If-Match", "\"1\"").body(second)
                .put(PoolFixtures.POOLS + "/" + secondId).then().statusCode(200);
    }

    @Test
    void a_rep_cannot_hand_over_another_reps_client() {
        String id = register("rep-owner-3", company("非本人交接有限公司"));
        as("rep-other", "crm-sales").header("If-Match", "\"0\"").body(Map.of("ownerId", "rep-other"))
                .post(CLIENTS + "/" + id + "/owner").then().statusCode(404);
        as("rep-owner-3", "crm-sales").get(CLIENTS + "/" + id).then().body("ownerId", equalTo("rep-owner-3"));
    }

    @Test
    void a_manager_hands_all_clients_of_a_leaving_rep_to_another_in_one_call() {
        String leaving = "rep-quits-" + UUID.randomUUID();
        String successor = "rep-takes-" + UUID.randomUUID();
        List<String> ids = List.of(register(leaving, company("批量交接一")), register(leaving, company("批量交接二")),
                register(leaving, company("批量交接三")));
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            as("manager-3", "crm-manager").body(Map.of("fromOwnerId", leaving, "toOwnerId", successor, "reason", "离职"))
                    .post("/api/v1/owner-transfers").then().statusCode(200).body("transferred", equalTo(3));
            topic.await(r -> ids.contains(r.key()), 3, Duration.ofSeconds(30))
                    .forEach(r -> assertThat(EVENTS.assertValid(r.value()).get("type").asText())
                            .isEqualTo("crm.client.owner-changed.v1"));
        }
        as(successor, "crm-sales").queryParam("ownerId", successor).get(CLIENTS).then().body("items", hasSize(3));
        as(leaving, "crm-sales").queryParam("ownerId", leaving).get(CLIENTS).then().body("items", hasSize(0));
        as("rep-x", "crm-sales").body(Map.of("fromOwnerId", successor, "toOwnerId", "rep-x"))
                .post("/api/v1/owner-transfers").then().statusCode(403);
    }

    @Test
    void history_keeps_each_field_change_with_actor_time_reason_and_old_and_new_values() {
        String id = register("rep-history", company("历史记录有限公司"));
        as("rep-history", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .queryParam("reason", "客户搬迁")
                .body(Map.of("address", Map.of("city", "深圳市"), "finance", Map.of("bankAccount", "1111 2222 3333 4444")))
                .patch(CLIENTS + "/" + id).then().statusCode(200);
        as("rep-history", "crm-sales").body(Map.of("name", "赵六")).post(CLIENTS + "/" + id + "/contacts")
                .then().statusCode(201);

        var history = as("rep-history", "crm-sales").get(CLIENTS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CONTACT_ADDED", "UPDATED", "REGISTERED"))
                .body("items[1].actor", equalTo("rep-history"))
                .body("items[1].reason", equalTo("客户搬迁"))
                .body("items[1].version", equalTo(1))
                .body("items[1].changes.'address.city'.from", equalTo("北京市"))
                .body("items[1].changes.'address.city'.to", equalTo("深圳市"))
                .body("items[1].changes.'finance.bankAccount'.from", equalTo("****7890"))
                .body("items[1].changes.'finance.bankAccount'.to", equalTo("****4444"))
                .extract();
        assertThat((String) history.path("items[1].at")).isNotBlank();
        as("manager-4", "crm-manager").get(CLIENTS + "/" + id + "/history").then()
                .body("items[1].changes.'finance.bankAccount'.to", equalTo("1111 2222 3333 4444"));
    }

    @Test
    void history_pages_newest_first_with_a_cursor() {
        String id = register("rep-history-2", company("历史分页有限公司"));
        for (int version = 0; version < 3; version++) {
            as("rep-history-2", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"" + version + "\"")
                    .body(Map.of("shortName", "第" + version + "版")).patch(CLIENTS + "/" + id).then().statusCode(200);
        }
        var first = as("rep-history-2", "crm-sales").queryParam("limit", 2).get(CLIENTS + "/" + id + "/history")
                .then().body("items.version", contains(3, 2)).extract();
        as("rep-history-2", "crm-sales").queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor"))
                .get(CLIENTS + "/" + id + "/history").then()
                .body("items.version", contains(1, 0)).body("nextCursor", nullValue());
    }
}
