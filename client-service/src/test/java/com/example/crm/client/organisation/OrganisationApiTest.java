package com.example.crm.client.organisation;

import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.EVENTS;
import static com.example.crm.client.organisation.DataScopeTest.department;
import static com.example.crm.client.organisation.DataScopeTest.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The department tree over the API: opened, renamed, moved, closed, users placed; bad changes refused, nothing changed. */
@QuarkusTest
class OrganisationApiTest {

    static final String DEPARTMENTS = "/api/v1/departments";

    static RequestSpecification admin() {
        return DataScopeTest.admin();
    }

    static String etag(String department) {
        return admin().get(DEPARTMENTS + "/" + department).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void moving_a_department_below_itself_is_409_and_changes_nothing() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        department("top-" + run, "总部", null);
        department("mid-" + run, "华东区", "top-" + run);
        department("low-" + run, "上海组", "mid-" + run);
        admin().header("If-Match", etag("top-" + run)).body(Map.of("name", "总部", "parentId", "low-" + run))
                .put(DEPARTMENTS + "/top-" + run).then().statusCode(409).contentType("application/problem+json");
        admin().header("If-Match", etag("mid-" + run)).body(Map.of("name", "华东区", "parentId", "mid-" + run))
                .put(DEPARTMENTS + "/mid-" + run).then().statusCode(409);
        admin().get(DEPARTMENTS + "/top-" + run).then().body("parentId", org.hamcrest.Matchers.nullValue());
        admin().get(DEPARTMENTS + "/mid-" + run + "/history").then().body("items.action", contains("OPENED"));
    }

    @Test
    void an_unknown_parent_or_department_is_refused_and_nothing_is_stored() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        admin().body(Map.of("id", "orphan-" + run, "name", "孤儿", "parentId", "nowhere-" + run))
                .post(DEPARTMENTS).then().statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                .body("errors.field", hasItem("parentId"));
        admin().get(DEPARTMENTS + "/orphan-" + run).then().statusCode(404);
        admin().body(Map.of("departmentId", "nowhere-" + run)).put("/api/v1/org-members/someone-" + run)
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
        admin().get("/api/v1/org-members/someone-" + run).then().statusCode(404);
        admin().body(Map.of("id", "bad id/" + run, "name", "坏")).post(DEPARTMENTS).then().statusCode(400);
        department("dup-" + run, "重复", null);
        admin().body(Map.of("id", "dup-" + run, "name", "重复")).post(DEPARTMENTS).then().statusCode(409);
    }

    @Test
    void closing_a_department_with_people_or_open_children_is_409_and_an_empty_one_closes() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        department("close-" + run, "待撤销", null);
        department("child-" + run, "下属组", "close-" + run);
        place("rep-close-" + run, "close-" + run, false);
        admin().header("If-Match", etag("close-" + run)).post(DEPARTMENTS + "/close-" + run + "/closure").then()
                .statusCode(409).body("people", equalTo(1)).body("openDepartments", equalTo(1));
        admin().get(DEPARTMENTS + "/close-" + run).then().body("closed", equalTo(false));

        department("other-" + run, "接收部门", null);
        place("rep-close-" + run, "other-" + run, false);
        admin().header("If-Match", etag("child-" + run)).post(DEPARTMENTS + "/child-" + run + "/closure").then()
                .statusCode(200).body("closed", equalTo(true));
        admin().header("If-Match", etag("close-" + run)).post(DEPARTMENTS + "/close-" + run + "/closure").then()
                .statusCode(200);
        // a closed department takes no one and no new department
        admin().body(Map.of("departmentId", "close-" + run)).put("/api/v1/org-members/rep-close-" + run)
                .then().statusCode(409);
        admin().body(Map.of("id", "late-" + run, "name", "迟到", "parentId", "close-" + run)).post(DEPARTMENTS)
                .then().statusCode(409);
        admin().get(DEPARTMENTS).then().body("id", org.hamcrest.Matchers.not(hasItem("close-" + run)));
        admin().queryParam("closed", "true").get(DEPARTMENTS).then().body("id", hasItem("close-" + run));
    }

    @Test
    void only_admins_change_the_organisation() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        DataScopeTest.as("m-" + run, "crm-manager").body(Map.of("id", "x-" + run, "name", "经理建")).post(DEPARTMENTS)
                .then().statusCode(403);
        department("mine-" + run, "部门", null);
        DataScopeTest.as("rep-" + run, "crm-sales").body(Map.of("departmentId", "mine-" + run))
                .put("/api/v1/org-members/rep-" + run).then().statusCode(403);
        DataScopeTest.as("rep-" + run, "crm-sales").get(DEPARTMENTS + "/mine-" + run).then().statusCode(200);
    }

    @Test
    void every_change_is_announced_with_the_whole_new_state_and_kept_in_the_history() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String kafka = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            department("ev-a-" + run, "甲", null);
            department("ev-b-" + run, "乙", null);
            admin().header("If-Match", etag("ev-b-" + run)).body(Map.of("name", "乙二", "parentId", "ev-a-" + run))
                    .put(DEPARTMENTS + "/ev-b-" + run).then().statusCode(200);
            admin().body(Map.of("departmentId", "ev-b-" + run, "manager", true)).put("/api/v1/org-members/u-" + run)
                    .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/org-members/u-" + run));
            List<JsonNode> events = topic.await(r -> r.value().contains(run), 5, Duration.ofSeconds(30)).stream()
                    .map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.get("type").asText() + " " + e.at("/data/change").asText(""))
                    .containsExactly("crm.client.department-changed.v1 OPENED", "crm.client.department-changed.v1 OPENED",
                            "crm.client.department-changed.v1 RENAMED", "crm.client.department-changed.v1 MOVED",
                            "crm.client.member-placed.v1 ");
            assertThat(events.get(3).at("/data/parentId").asText()).isEqualTo("ev-a-" + run);
            assertThat(events.get(4).at("/data/manager").asBoolean()).isTrue();
            assertThat(events).allSatisfy(e -> assertThat(e.get("subject").asText())
                    .isEqualTo("00000000-0000-0000-0000-000000000000"));
        }
        admin().get(DEPARTMENTS + "/ev-b-" + run + "/history").then()
                .body("items.action", contains("MOVED", "RENAMED", "OPENED"))
                .body("items[0].changes.parentId.to", equalTo("ev-a-" + run))
                .body("items[0].actor", equalTo("org-admin"));
        admin().get("/api/v1/org-members/u-" + run + "/history").then()
                .body("items[0].changes.departmentId.to", equalTo("ev-b-" + run));
        admin().get(DEPARTMENTS + "/ev-b-" + run + "/members").then().body("userId", contains("u-" + run));
    }
}
