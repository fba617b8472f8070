package com.example.crm.client.card.api;

import com.example.crm.platform.testing.DeadLetters;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.EVENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Soft delete with restore by an admin, and irreversible erasure of personal data. */
@QuarkusTest
class ClientDeletionAndErasureTest {

    @Inject
    DataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_deleted_card_disappears_until_an_admin_restores_it() {
        String owner = "rep-delete-" + UUID.randomUUID();
        String id = register(owner, company("软删除有限公司"));
        as(owner, "crm-sales").header("If-Match", "\"0\"").queryParam("reason", "重复录入").delete(CLIENTS + "/" + id)
                .then().statusCode(204);

        as(owner, "crm-sales").get(CLIENTS + "/" + id).then().statusCode(404);
        as(owner, "crm-sales").queryParam("ownerId", owner).get(CLIENTS).then().body("items.size()", equalTo(0));
        as("admin-1", "crm-admin").get(CLIENTS + "/" + id).then().statusCode(200).body("deletedAt", notNullValue());
        as("manager-5", "crm-manager").body(Map.of()).post(CLIENTS + "/" + id + "/restore").then().statusCode(403);

        as("admin-1", "crm-admin").body(Map.of("reason", "误删")).post(CLIENTS + "/" + id + "/restore")
                .then().statusCode(200).body("deletedAt", nullValue());
        as(owner, "crm-sales").get(CLIENTS + "/" + id).then().statusCode(200);
        as(owner, "crm-sales").get(CLIENTS + "/" + id + "/history").then()
                .body("items.action", org.hamcrest.Matchers.contains("RESTORED", "DELETED", "REGISTERED"));
    }

    @Test
    void erasure_leaves_no_personal_data_in_the_row_its_history_or_its_contact_persons() {
        Map<String, Object> card = company("王小明");
        card.put("kind", "INDIVIDUAL");
        card.put("email", "wang.xiaoming@example.com");
        card.put("legalRepresentative", "王小明");
        String id = register("rep-erase", card);
        as("rep-erase", "crm-sales").body(Map.of("name", "王大明", "phone", "+86 138 0013 8000", "email", "daming@example.com"))
                .post(CLIENTS + "/" + id + "/contacts").then().statusCode(201);
        as("rep-erase", "crm-sales").contentType(com.example.crm.client.ClientFixtures.MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("phone", "+86 10 1234 5678")).patch(CLIENTS + "/" + id).then().statusCode(200);

        // an event of this client the broker could never take, kept by the outbox relay with the client's data
        DeadLetters.seed(db, "crm.client.v1", id, "crm.client.updated.v1", "{\"phone\": \"+86 10 1234 5678\"}");
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            as("rep-erase", "crm-sales").body(Map.of()).post(CLIENTS + "/" + id + "/erasure").then().statusCode(403);
            as("admin-2", "crm-admin").body(Map.of("reason", "客户要求删除个人信息")).post(CLIENTS + "/" + id + "/erasure")
                    .then().statusCode(200).body("erasedAt", notNullValue()).body("legalName", equalTo("已擦除"));

            var event = EVENTS.assertValid(
                    topic.await(r -> r.key().equals(id), 1, Duration.ofSeconds(30)).get(0).value());
            assertThat(event.get("type").asText()).isEqualTo("crm.client.erased.v1");
            assertThat(event.get("data").size()).isEqualTo(1);
        }

        String row = (String) Sql.value(db, "select row_to_json(c)::text from client c where id = ?", UUID.fromString(id));
        String history = (String) Sql.value(db,
                "select coalesce(string_agg(changes::text || coalesce(reason, ''), ' '), '') from client_history where client_id = ?",
                UUID.fromString(id));
        for (String personal : new String[]{"王小明", "王大明", "wang.xiaoming", "daming", "138 0013", "1234 5678",
                "6222", "湖南", "围棋", "中国工商银行"}) {
            assertThat(row).as("card row").doesNotContain(personal);
            assertThat(history).as("history").doesNotContain(personal);
        }
        assertThat(Sql.count(db, "select count(*) from contact_person where client_id = ?", UUID.fromString(id))).isZero();
        assertThat(DeadLetters.of(db, id)).as("the client's undeliverable events").isZero();
        assertThat(row).as("figures and status stay").contains("500000").contains("POTENTIAL");
    }

    @Test
    void erasing_a_client_erases_the_duplicates_merged_into_it_each_with_its_event() {
        String owner = "rep-erase-merged-" + UUID.randomUUID();
        String survivor = register(owner, company("擦除合并测试有限公司"));
        Map<String, Object> duplicateCard = company("擦除合并测试");
        duplicateCard.put("legalRepresentative", "赵合并");
        String duplicate = register(owner, duplicateCard);
        as(owner, "crm-sales").header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post(CLIENTS + "/" + survivor + "/merge").then().statusCode(200);
        String etag = as("admin-3", "crm-admin").get(CLIENTS + "/" + survivor).then().extract().header("ETag");

        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            as("admin-3", "crm-admin").header("If-Match", etag).body(Map.of("reason", "客户要求删除个人信息"))
                    .post(CLIENTS + "/" + survivor + "/erasure").then().statusCode(200);

            var erased = topic.await(r -> r.key().equals(duplicate), 1, Duration.ofSeconds(30)).get(0);
            assertThat(EVENTS.assertValid(erased.value()).get("type").asText()).isEqualTo("crm.client.erased.v1");
        }
        String row = (String) Sql.value(db, "select row_to_json(c)::text from client c where id = ?", UUID.fromString(duplicate));
        assertThat(row).doesNotContain("赵合并").contains("\"erased_at\":\"");
        as("admin-3", "crm-admin").get(CLIENTS + "/" + duplicate).then().statusCode(200)
                .body("erasedAt", notNullValue()).body("phone", nullValue()).body("mergedInto", equalTo(survivor));
    }
}
