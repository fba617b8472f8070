package com.example.crm.client.card.api;

import com.example.crm.platform.api.Page;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.CREATE;
import static com.example.crm.client.ClientFixtures.MERGE_PATCH;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The profile card through HTTP: create, read, merge patch, lifecycle, verification, list. */
@QuarkusTest
class ClientCardApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void registers_a_card_owned_by_the_caller_and_reads_it_back_with_its_etag() {
        Map<String, Object> card = company("北京华信科技有限公司");
        String location = as("rep-card-1", "crm-sales").body(card).post(CREATE)
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("POTENTIAL"))
                .body("ownerId", equalTo("rep-card-1"))
                .body("allowedTransitions", contains("INTENDED"))
                .extract().header("Location");
        assertThat(location).contains(CLIENTS + "/");

        as("rep-card-1", "crm-sales").get(location).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("legalName", equalTo("北京华信科技有限公司"))
                .body("unifiedSocialCreditCode", equalTo(card.get("unifiedSocialCreditCode")))
                .body("address.district", equalTo("朝阳区"))
                .body("finance.creditLimit.amount", equalTo("500000.00"))
                .body("finance.creditLimit.currency", equalTo("CNY"))
                .body("rapport.hobbies", contains("围棋"))
                .body("tags", contains("重点", "华北"))
                .body("segment", nullValue());
    }

    @Test
    void bank_account_is_masked_for_sales_and_shown_to_managers() {
        String id = register("rep-card-2", company("上海银联贸易有限公司"));
        as("rep-card-2", "crm-sales").get(CLIENTS + "/" + id).then().body("finance.bankAccount", equalTo("****7890"));
        as("auditor-1", "crm-auditor").get(CLIENTS + "/" + id).then().body("finance.bankAccount", equalTo("****7890"));
        as("manager-1", "crm-manager").get(CLIENTS + "/" + id).then().body("finance.bankAccount", equalTo("6222 0212 3456 7890"));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_replays_the_first_response_and_creates_nothing_more() {
        Map<String, Object> card = company("广州retry实业有限公司");
        String key = UUID.randomUUID().toString();
        String first = as("rep-card-3", "crm-sales").header("Idempotency-Key", key).body(card).post(CREATE)
                .then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        String second = as("rep-card-3", "crm-sales").header("Idempotency-Key", key).body(card).post(CREATE)
                .then().statusCode(201).header("Location", endsWith("/api/v1/clients/" + first)).header("Idempotent-Replayed", "true")
                .header("ETag", "\"0\"")
                .extract().path("id");
        assertThat(second).isEqualTo(first);
        as("rep-card-3", "crm-sales").queryParam("ownerId", "rep-card-3").get(CLIENTS)
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_422() {
        String key = UUID.randomUUID().toString();
        as("rep-card-4", "crm-sales").header("Idempotency-Key", key).body(company("深圳甲公司")).post(CREATE)
                .then().statusCode(201);
        as("rep-card-4", "crm-sales").header("Idempotency-Key", key).body(company("深圳乙公司")).post(CREATE)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:idempotency-key-reused"));
    }

    @Test
    void an_idempotency_key_is_bound_to_its_path_and_query_so_another_target_is_422_not_a_replay() {
        String owner = "rep-card-4b";
        String key = UUID.randomUUID().toString();
        Map<String, Object> card = company("深圳键绑定公司");
        as(owner, "crm-sales").header("Idempotency-Key", key).body(card).post(CLIENTS).then().statusCode(201);
        as(owner, "crm-sales").header("Idempotency-Key", key).body(card).post(CREATE)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:idempotency-key-reused"))
                .body("detail", org.hamcrest.Matchers.containsString("POST /api/v1/clients"));
        as(owner, "crm-sales").queryParam("ownerId", owner).get(CLIENTS).then().body("items.size()", equalTo(1));
    }

    @Test
    void a_sales_rep_registers_a_card_before_its_first_deal_and_only_a_manager_registers_an_existing_client() {
        Map<String, Object> card = company("历史成交客户有限公司");
        card.put("status", "EXISTING");
        as("rep-card-4c", "crm-sales").body(card).post(CREATE).then().statusCode(403)
                .contentType("application/problem+json");
        as("rep-card-4c", "crm-sales").queryParam("ownerId", "rep-card-4c").get(CLIENTS)
                .then().body("items.size()", equalTo(0));
        as("mgr-card-4c", "crm-manager").body(card).post(CREATE).then().statusCode(201).body("status", equalTo("EXISTING"));
        Map<String, Object> intended = company("意向客户有限公司");
        intended.put("status", "INTENDED");
        as("rep-card-4c", "crm-sales").body(intended).post(CREATE).then().statusCode(201).body("status", equalTo("INTENDED"));
    }

    @Test
    void rejects_second_client_with_same_credit_code() {
        Map<String, Object> card = company("杭州重复科技有限公司");
        String first = register("rep-card-5", card);
        Map<String, Object> copy = company("杭州重复科技有限责任公司");
        copy.put("unifiedSocialCreditCode", card.get("unifiedSocialCreditCode"));
        as("rep-card-5", "crm-sales").body(copy).post(CREATE).then().statusCode(409)
                .body("type", equalTo("urn:crm:problem:duplicate"))
                .body("overridable", equalTo(false))
                .body("candidates[0].clientId", equalTo(first))
                .body("candidates[0].matchedOn", org.hamcrest.Matchers.hasItem("unifiedSocialCreditCode"));
    }

    @Test
    void merge_patch_changes_the_named_fields_removes_nulled_ones_and_bumps_the_etag() {
        String id = register("rep-card-6", company("成都天府软件有限公司"));
        as("rep-card-6", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "天府软件", "address", Map.of("city", "成都市", "province", "四川省"),
                        "tags", List.of("西南")))
                .patch(CLIENTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("shortName", equalTo("天府软件"))
                .body("address.city", equalTo("成都市"))
                .body("address.district", equalTo("朝阳区"))
                .body("tags", contains("西南"))
                .body("legalName", equalTo("成都天府软件有限公司"));

        as("rep-card-6", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"address\":{\"district\":null},\"rapport\":null}")
                .patch(CLIENTS + "/" + id)
                .then().statusCode(200)
                .body("address.district", nullValue())
                .body("rapport", nullValue());
    }

    @Test
    void a_patch_that_changes_nothing_keeps_the_version() {
        String id = register("rep-card-7", company("西安不变有限公司"));
        as("rep-card-7", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("legalName", "西安不变有限公司")).patch(CLIENTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void lifecycle_follows_potential_intended_existing_terminated_and_wins_back_to_intended() {
        String id = register("rep-card-8", company("武汉长江物流有限公司"));
        int version = 0;
        for (String to : List.of("INTENDED", "EXISTING", "TERMINATED", "INTENDED")) {
            as("rep-card-8", "crm-sales").header("If-Match", "\"" + version + "\"")
                    .body(Map.of("to", to, "reason", "拜访后确认")).post(CLIENTS + "/" + id + "/transitions")
                    .then().statusCode(200).body("status", equalTo(to));
            version++;
        }
    }

    @Test
    void an_illegal_transition_is_409_listing_the_allowed_ones_and_changes_nothing() {
        String id = register("rep-card-9", company("南京金陵制药有限公司"));
        as("rep-card-9", "crm-sales").header("If-Match", "\"0\"").body(Map.of("to", "TERMINATED"))
                .post(CLIENTS + "/" + id + "/transitions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:illegal-transition"))
                .body("allowed", contains("INTENDED"));
        as("rep-card-9", "crm-sales").get(CLIENTS + "/" + id).then().header("ETag", "\"0\"").body("status", equalTo("POTENTIAL"));
    }

    @Test
    void verification_moves_the_review_twelve_months_ahead() {
        String id = register("rep-card-10", company("青岛海滨食品有限公司"));
        String due = as("rep-card-10", "crm-sales").header("If-Match", "\"0\"").post(CLIENTS + "/" + id + "/verification")
                .then().statusCode(200).header("ETag", "\"1\"").extract().path("reviewDueAt");
        String verified = as("rep-card-10", "crm-sales").get(CLIENTS + "/" + id).then().extract().path("lastVerifiedAt");
        assertThat(java.time.Instant.parse(due)).isEqualTo(
                java.time.Instant.parse(verified).atOffset(java.time.ZoneOffset.UTC).plusMonths(12).toInstant());
    }

    @Test
    void the_list_pages_with_a_cursor_in_a_stable_order_and_filters_by_owner_and_status() {
        String owner = "rep-list-" + UUID.randomUUID();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(register(owner, company("分页测试公司" + i)));
        }
        String intended = created.iterator().next();
        as(owner, "crm-sales").header("If-Match", "\"0\"").body(Map.of("to", "INTENDED"))
                .post(CLIENTS + "/" + intended + "/transitions").then().statusCode(200);

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(CLIENTS).then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            ids.forEach(i -> assertThat(seen.add(i)).as("no item twice").isTrue());
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(created);
        assertThat(pages).isEqualTo(3);

        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("status", "INTENDED").get(CLIENTS)
                .then().body("items.id", contains(intended));
    }

    @Test
    void stale_filter_finds_cards_whose_review_is_due() {
        String owner = "rep-stale-" + UUID.randomUUID();
        String fresh = register(owner, company("新鲜卡片公司"));
        String due = register(owner, company("待复核卡片公司"));
        // registered longer ago than the review interval: its review fell due yesterday
        Sql.update(dataSource, "update client.client set review_due_at = ? where id = ?",
                Timestamp.from(TestTime.now().minus(Duration.ofDays(1))), UUID.fromString(due));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("stale", "true").get(CLIENTS)
                .then().statusCode(200).body("items.id", contains(due));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("stale", "false").get(CLIENTS)
                .then().statusCode(200).body("items.id", contains(fresh));
    }

    @Test
    void limit_above_200_is_clamped_and_a_forged_cursor_is_400() {
        String owner = "rep-card-11-" + UUID.randomUUID();
        for (int i = 0; i < Page.MAX_LIMIT + 1; i++) {
            as(owner, "crm-sales").body(company("限额分页公司" + i)).post(CREATE)
                    .then().statusCode(201);
        }
        String cursor = as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("limit", 100000).get(CLIENTS)
                .then().statusCode(200).body("items.size()", equalTo(Page.MAX_LIMIT)).extract().path("nextCursor");
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("limit", 100000).queryParam("cursor", cursor)
                .get(CLIENTS).then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", nullValue());
        as(owner, "crm-sales").queryParam("cursor", "bm90LWEtY3Vyc29y").get(CLIENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void contact_persons_are_added_listed_changed_and_removed() {
        String id = register("rep-card-12", company("厦门鹭岛茶业有限公司"));
        String contacts = CLIENTS + "/" + id + "/contacts";
        String contact = as("rep-card-12", "crm-sales")
                .body(Map.of("name", "王建国", "title", "采购总监", "decisionMaker", true, "birthday", "1975-03-08",
                        "preferences", "喜欢喝铁观音"))
                .post(contacts).then().statusCode(201).header("ETag", "\"0\"")
                .body("decisionMaker", equalTo(true)).extract().path("id");

        as("rep-card-12", "crm-sales").get(contacts).then().statusCode(200)
                .body("items.name", contains("王建国"));
        as("rep-card-12", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("title", "副总经理")).patch(contacts + "/" + contact)
                .then().statusCode(200).body("title", equalTo("副总经理")).header("ETag", "\"1\"");
        as("rep-card-12", "crm-sales").delete(contacts + "/" + contact).then().statusCode(428);
        as("rep-card-12", "crm-sales").header("If-Match", "\"1\"").delete(contacts + "/" + contact).then().statusCode(204);
        as("rep-card-12", "crm-sales").get(contacts + "/" + contact).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void reads_ignore_a_stray_content_type_and_a_bodiless_verification_needs_none() {
        String id = register("rep-card-14", company("无关内容类型有限公司"));
        io.restassured.RestAssured.given().header("Authorization", com.example.crm.platform.testing.Tokens.bearer("rep-card-14", "crm-sales"))
                .header("Content-Type", "text/html").get(CLIENTS + "/" + id).then().statusCode(200);
        io.restassured.RestAssured.given().header("Authorization", com.example.crm.platform.testing.Tokens.bearer("rep-card-14", "crm-sales"))
                .header("If-Match", "\"0\"").post(CLIENTS + "/" + id + "/verification").then().statusCode(200);
    }

    @Test
    void an_unknown_client_is_a_404_problem() {
        as("rep-card-13", "crm-sales").get(CLIENTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(ContentType.fromContentType("application/problem+json"))
                .body("type", equalTo("urn:crm:problem:not-found"));
    }
}
