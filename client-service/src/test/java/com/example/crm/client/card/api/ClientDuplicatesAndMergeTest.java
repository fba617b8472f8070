package com.example.crm.client.card.api;

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
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** Duplicate detection on create (credit code, similar names including Chinese, phones) and merging. */
@QuarkusTest
class ClientDuplicatesAndMergeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_similar_chinese_name_is_409_with_ranked_candidates_and_allow_duplicate_overrides() {
        String unique = UUID.randomUUID().toString().substring(0, 4);
        String exact = register("rep-dup-1", company("苏州" + unique + "精密机械有限公司"));
        String close = register("rep-dup-1", company("苏州" + unique + "精密机械制造有限公司"));

        Map<String, Object> card = company("苏州" + unique + "精密机械有限责任公司");
        as("rep-dup-2", "crm-sales").body(card).post(CLIENTS).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:duplicate"))
                .body("overridable", equalTo(true))
                .body("candidates.clientId", contains(exact, close))
                .body("candidates[0].matchedOn", contains("legalName"))
                .body("candidates[0].score", equalTo(1.0f));

        as("rep-dup-2", "crm-sales").queryParam("allowDuplicate", "true").body(card).post(CLIENTS)
                .then().statusCode(201);
    }

    @Test
    void the_same_phone_is_a_candidate_whatever_its_formatting() {
        Map<String, Object> first = company("电话一号" + UUID.randomUUID());
        String phone = "+86 21 " + (int) (Math.random() * 9000_0000 + 1000_0000);
        first.put("phone", phone);
        String id = register("rep-dup-3", first);
        Map<String, Object> second = company("完全不同的名字" + UUID.randomUUID());
        second.put("phone", "021-" + phone.substring(7).replace(" ", ""));
        as("rep-dup-3", "crm-sales").body(second).post(CLIENTS).then().statusCode(409)
                .body("candidates[0].clientId", equalTo(id))
                .body("candidates[0].matchedOn", hasItem("phone"));
    }

    @Test
    void a_credit_code_in_use_is_refused_even_with_allow_duplicate() {
        Map<String, Object> card = company("信用代码唯一" + UUID.randomUUID());
        String id = register("rep-dup-4", card);
        Map<String, Object> copy = company("另一个名字" + UUID.randomUUID());
        copy.put("unifiedSocialCreditCode", card.get("unifiedSocialCreditCode"));
        as("rep-dup-4", "crm-sales").queryParam("allowDuplicate", "true").body(copy).post(CLIENTS).then()
                .statusCode(409).body("overridable", equalTo(false)).body("candidates[0].clientId", equalTo(id));
    }

    @Test
    void merging_moves_contact_persons_and_history_fills_gaps_and_retires_the_duplicate() {
        String owner = "rep-merge";
        Map<String, Object> survivorCard = company("合并保留有限公司");
        survivorCard.remove("unifiedSocialCreditCode");
        survivorCard.put("tags", List.of("华东"));
        String survivor = register(owner, survivorCard);
        Map<String, Object> duplicateCard = company("合并保留有限责任公司");
        duplicateCard.put("website", "https://merge.example.cn");
        duplicateCard.put("tags", List.of("华东", "老客户"));
        String code = (String) duplicateCard.get("unifiedSocialCreditCode");
        String duplicate = register(owner, duplicateCard);
        as(owner, "crm-sales").body(Map.of("name", "钱七", "title", "经理")).post(CLIENTS + "/" + duplicate + "/contacts")
                .then().statusCode(201);

        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            as(owner, "crm-sales").header("If-Match", "\"0\"")
                    .body(Map.of("duplicateId", duplicate, "reason", "同一客户重复录入"))
                    .post(CLIENTS + "/" + survivor + "/merge")
                    .then().statusCode(200)
                    .body("unifiedSocialCreditCode", equalTo(code))
                    .body("website", equalTo("https://merge.example.cn"))
                    .body("tags", contains("华东", "老客户"))
                    .body("legalName", equalTo("合并保留有限公司"));

            JsonNode merged = EVENTS.assertValid(topic.await(r -> r.key().equals(survivor), 1, Duration.ofSeconds(30))
                    .get(0).value());
            assertThat(merged.get("type").asText()).isEqualTo("crm.client.merged.v1");
            assertThat(merged.at("/data/survivorId").asText()).isEqualTo(survivor);
            assertThat(merged.at("/data/mergedId").asText()).isEqualTo(duplicate);
        }

        as(owner, "crm-sales").get(CLIENTS + "/" + survivor + "/contacts").then().body("items.name", contains("钱七"));
        as(owner, "crm-sales").get(CLIENTS + "/" + survivor + "/history").then()
                .body("items[0].action", equalTo("MERGED"))
                .body("items[0].changes.mergedClientId.to", equalTo(duplicate))
                .body("items.action", hasItems("CONTACT_ADDED", "REGISTERED"));
        as(owner, "crm-sales").get(CLIENTS + "/" + duplicate).then().statusCode(404);
        as("admin-3", "crm-admin").get(CLIENTS + "/" + duplicate).then()
                .body("mergedInto", equalTo(survivor)).body("deletedAt", notNullValue());
        as(owner, "crm-sales").get(CLIENTS + "/" + survivor + "/history").then()
                .body("items.action", containsInAnyOrder(
                        "MERGED", "CONTACT_ADDED", "REGISTERED", "REGISTERED"));
    }

    @Test
    void merging_a_client_into_itself_or_a_foreign_reps_duplicate_is_refused() {
        String mine = register("rep-merge-2", company("自我合并有限公司"));
        String foreign = register("rep-merge-3", company("他人合并有限公司"));
        as("rep-merge-2", "crm-sales").header("If-Match", "\"0\"").body(Map.of("duplicateId", mine))
                .post(CLIENTS + "/" + mine + "/merge").then().statusCode(400);
        as("rep-merge-2", "crm-sales").header("If-Match", "\"0\"").body(Map.of("duplicateId", foreign))
                .post(CLIENTS + "/" + mine + "/merge").then().statusCode(404);
        as("rep-merge-3", "crm-sales").get(CLIENTS + "/" + foreign).then().statusCode(200);
    }
}
