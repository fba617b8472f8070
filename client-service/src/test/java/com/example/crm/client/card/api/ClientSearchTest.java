package com.example.crm.client.card.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Searching cards: name substrings (Chinese included) and the card's filters, combined. */
@QuarkusTest
class ClientSearchTest {

    @Test
    void a_chinese_substring_finds_the_full_company_name() {
        String owner = "rep-search-" + UUID.randomUUID();
        String huaxin = register(owner, company("北京华信科技有限公司"));
        register(owner, company("上海华为贸易有限公司"));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("q", "华信").get(CLIENTS)
                .then().statusCode(200).body("items.id", contains(huaxin));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("q", "有限公司").get(CLIENTS)
                .then().body("items.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void the_short_name_matches_too_and_latin_names_match_regardless_of_case() {
        String owner = "rep-search-" + UUID.randomUUID();
        Map<String, Object> card = company("Shenzhen Bright Star Electronics Co., Ltd.");
        card.put("shortName", "明星电子");
        String id = register(owner, card);
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("q", "明星").get(CLIENTS)
                .then().body("items.id", contains(id));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("q", "bright STAR").get(CLIENTS)
                .then().body("items.id", contains(id));
    }

    @Test
    void like_wildcards_in_the_search_text_are_taken_literally() {
        String owner = "rep-search-" + UUID.randomUUID();
        String percent = register(owner, company("百分之百%公司"));
        register(owner, company("百分之百公司"));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("q", "百%").get(CLIENTS)
                .then().body("items.id", contains(percent));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("q", "_").get(CLIENTS)
                .then().body("items", empty());
    }

    @Test
    void filters_by_industry_province_city_tag_credit_rating_and_relationship_level() {
        String owner = "rep-search-" + UUID.randomUUID();
        Map<String, Object> guangzhou = company("广州珠江机械有限公司");
        guangzhou.put("industry", "机械");
        guangzhou.put("address", Map.of("country", "CN", "province", "广东省", "city", "广州市"));
        guangzhou.put("tags", List.of("出口", "老客户"));
        guangzhou.put("relationshipLevel", "PARTNER");
        guangzhou.put("finance", Map.of("creditRating", "AAA"));
        String gz = register(owner, guangzhou);
        String beijing = register(owner, company("北京某某有限公司"));

        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("industry", "机械").get(CLIENTS)
                .then().body("items.id", contains(gz));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("province", "广东省").queryParam("city", "广州市")
                .get(CLIENTS).then().body("items.id", contains(gz));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("tag", "老客户").get(CLIENTS)
                .then().body("items.id", contains(gz));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("creditRating", "AAA").get(CLIENTS)
                .then().body("items.id", contains(gz));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("relationshipLevel", "PARTNER").get(CLIENTS)
                .then().body("items.id", contains(gz));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("province", "北京市").get(CLIENTS)
                .then().body("items.id", contains(beijing));
        as(owner, "crm-sales").queryParam("ownerId", owner).queryParam("tag", "重点").get(CLIENTS)
                .then().body("items.id", containsInAnyOrder(beijing)).body("items.id", not(hasItem(gz)));
    }

    @Test
    void unknown_filter_values_are_400_problems() {
        as("rep-search", "crm-sales").queryParam("creditRating", "AAAA").get(CLIENTS).then().statusCode(400)
                .body("errors.field", hasItem("creditRating"));
        as("rep-search", "crm-sales").queryParam("abcClass", "D").get(CLIENTS).then().statusCode(400)
                .body("errors.field", hasItem("abcClass"));
        as("rep-search", "crm-sales").queryParam("q", "华".repeat(201)).get(CLIENTS).then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }
}
