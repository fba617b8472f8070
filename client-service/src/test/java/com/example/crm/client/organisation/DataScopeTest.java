package com.example.crm.client.organisation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.MERGE_PATCH;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static com.example.crm.client.PoolFixtures.POOLS;
import static com.example.crm.client.PoolFixtures.createPool;
import static com.example.crm.client.PoolFixtures.pool;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who reads which card (docs/domain.md, "Data scope"), through HTTP: roles × scopes × owner inside or outside the
 * scope × team member × pool member, over an organisation of 华东 (上海, 杭州) and 华南. A card outside the caller's
 * view is not found (404), in reads, lists, exports and writes alike; the card says why the caller sees it.
 */
@QuarkusTest
class DataScopeTest {

    private String run;
    private String east;
    private String eastSh;
    private String eastHz;
    private String south;
    private String repSh;
    private String repHz;
    private String repSouth;
    private String leadSh;
    private String managerEast;
    private String managerSouth;
    private String clientSh;
    private String clientHz;
    private String clientSouth;

    /** A token with no department claim: where the user works is what the organisation says. */
    static RequestSpecification as(String subject, String role) {
        return given().header("Authorization", com.example.crm.platform.testing.Tokens.bearerInDepartment(subject,
                "elsewhere", role)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as("org-admin", "crm-admin");
    }

    static void department(String id, String name, String parent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "name", name));
        if (parent != null) {
            body.put("parentId", parent);
        }
        admin().body(body).post("/api/v1/departments").then().statusCode(201);
    }

    static void place(String user, String department, boolean manager) {
        admin().body(Map.of("departmentId", department, "manager", manager)).put("/api/v1/org-members/" + user)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @BeforeEach
    void organisation() {
        run = UUID.randomUUID().toString().substring(0, 6);
        east = "east-" + run;
        eastSh = "east-sh-" + run;
        eastHz = "east-hz-" + run;
        south = "south-" + run;
        department(east, "华东区", null);
        department(eastSh, "上海组", east);
        department(eastHz, "杭州组", east);
        department(south, "华南区", null);
        repSh = "rep-sh-" + run;
        repHz = "rep-hz-" + run;
        repSouth = "rep-south-" + run;
        leadSh = "lead-sh-" + run;
        managerEast = "manager-east-" + run;
        managerSouth = "manager-south-" + run;
        place(repSh, eastSh, false);
        place(repHz, eastHz, false);
        place(repSouth, south, false);
        place(leadSh, eastSh, true);
        place(managerEast, east, false);
        place(managerSouth, south, false);
        clientSh = registerAs(repSh, "上海客户" + run);
        clientHz = registerAs(repHz, "杭州客户" + run);
        clientSouth = registerAs(repSouth, "广州客户" + run);
    }

    private static String registerAs(String rep, String name) {
        return as(rep, "crm-sales").body(company(name)).post(CLIENTS + "?allowDuplicate=true").then().statusCode(201)
                .body("placement.ownerDepartment", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
    }

    private void sees(String subject, String role, String client, String because) {
        as(subject, role).get(CLIENTS + "/" + client).then().statusCode(200).body("visibleBecause", equalTo(because));
    }

    private void doesNotSee(String subject, String role, String client) {
        as(subject, role).get(CLIENTS + "/" + client).then().statusCode(404)
                .contentType("application/problem+json");
        as(subject, role).get(CLIENTS + "/" + client + "/history").then().statusCode(404);
        as(subject, role).get(CLIENTS + "/" + client + "/contacts").then().statusCode(404);
        as(subject, role).get(CLIENTS + "/" + client + "/ownership").then().statusCode(404);
    }

    private void listShows(String subject, String role, String... clients) {
        as(subject, role).queryParam("q", run).get(CLIENTS).then().statusCode(200)
                .body("items.id", containsInAnyOrder((Object[]) clients));
    }

    @Test
    void a_rep_sees_only_their_own_clients_in_reads_lists_and_exports() {
        sees(repSh, "crm-sales", clientSh, "OWNER");
        doesNotSee(repSh, "crm-sales", clientHz);
        doesNotSee(repSh, "crm-sales", clientSouth);
        listShows(repSh, "crm-sales", clientSh);
        String csv = new String(as(repSh, "crm-sales").queryParam("q", run).get(CLIENTS + "/export").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("上海客户" + run).doesNotContain("杭州客户" + run).doesNotContain("广州客户" + run);
    }

    @Test
    void a_manager_sees_their_department_and_everything_below_it_and_nothing_beside_it() {
        sees(managerEast, "crm-manager", clientSh, "SCOPE");
        sees(managerEast, "crm-manager", clientHz, "SCOPE");
        doesNotSee(managerEast, "crm-manager", clientSouth);
        listShows(managerEast, "crm-manager", clientSh, clientHz);
        listShows(managerSouth, "crm-manager", clientSouth);
        // and changes what they see, not what they do not
        as(managerEast, "crm-manager").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "华东改")).patch(CLIENTS + "/" + clientHz).then().statusCode(200);
        as(managerEast, "crm-manager").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "越界")).patch(CLIENTS + "/" + clientSouth).then().statusCode(404);
        as(repSouth, "crm-sales").get(CLIENTS + "/" + clientSouth).then().body("shortName", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void a_rep_who_manages_their_department_sees_their_teams_clients() {
        sees(leadSh, "crm-sales", clientSh, "SCOPE");
        doesNotSee(leadSh, "crm-sales", clientHz);
        listShows(leadSh, "crm-sales", clientSh);
    }

    @Test
    void auditors_integrations_and_admins_see_every_client() {
        listShows("auditor-" + run, "crm-auditor", clientSh, clientHz, clientSouth);
        listShows("erp-" + run, "crm-integration", clientSh, clientHz, clientSouth);
        sees("auditor-" + run, "crm-auditor", clientSouth, "SCOPE");
    }

    @Test
    void a_team_member_reads_with_READ_changes_with_EDIT_and_never_hands_the_client_over() {
        as(repSh, "crm-sales").body(Map.of("access", "READ")).put(CLIENTS + "/" + clientSh + "/team-members/" + repSouth)
                .then().statusCode(201).body("access", equalTo("READ")).body("addedBy", equalTo(repSh));
        sees(repSouth, "crm-sales", clientSh, "TEAM");
        listShows(repSouth, "crm-sales", clientSh, clientSouth);
        as(repSouth, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "只读")).patch(CLIENTS + "/" + clientSh).then().statusCode(403);

        as(repSh, "crm-sales").body(Map.of("access", "EDIT")).put(CLIENTS + "/" + clientSh + "/team-members/" + repSouth)
                .then().statusCode(200).body("access", equalTo("EDIT"));
        as(repSouth, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "协作改")).patch(CLIENTS + "/" + clientSh).then().statusCode(200);
        as(repSouth, "crm-sales").body(Map.of("name", "王五")).post(CLIENTS + "/" + clientSh + "/contacts")
                .then().statusCode(201);
        as(repSouth, "crm-sales").header("If-Match", "\"1\"").body(Map.of("ownerId", repSouth))
                .post(CLIENTS + "/" + clientSh + "/owner").then().statusCode(403);
        // a team member does not manage the team
        as(repSouth, "crm-sales").body(Map.of("access", "EDIT")).put(CLIENTS + "/" + clientSh + "/team-members/" + repHz)
                .then().statusCode(403);
        as(repSh, "crm-sales").get(CLIENTS + "/" + clientSh + "/history").then()
                .body("items.action", org.hamcrest.Matchers.hasItems("TEAM_MEMBER_ADDED", "TEAM_MEMBER_CHANGED"));

        as(repSh, "crm-sales").delete(CLIENTS + "/" + clientSh + "/team-members/" + repSouth).then().statusCode(204);
        doesNotSee(repSouth, "crm-sales", clientSh);
    }

    @Test
    void a_merged_duplicates_team_joins_the_survivors_team() {
        String duplicate = registerAs(repSh, "上海客户重复" + run);
        as(repSh, "crm-sales").body(Map.of("access", "READ")).put(CLIENTS + "/" + duplicate + "/team-members/" + repSouth)
                .then().statusCode(201);
        doesNotSee(repSouth, "crm-sales", clientSh);
        as(repSh, "crm-sales").header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post(CLIENTS + "/" + clientSh + "/merge").then().statusCode(200);
        sees(repSouth, "crm-sales", clientSh, "TEAM");
        as(repSh, "crm-sales").get(CLIENTS + "/" + clientSh + "/team-members").then().body("userId", org.hamcrest.Matchers.contains(repSouth));
    }

    @Test
    void no_one_adds_a_team_member_to_a_client_outside_their_view() {
        as(repSh, "crm-sales").body(Map.of("access", "READ")).put(CLIENTS + "/" + clientHz + "/team-members/" + repSh)
                .then().statusCode(404);
        as(managerSouth, "crm-manager").body(Map.of("access", "READ"))
                .put(CLIENTS + "/" + clientHz + "/team-members/" + repSouth).then().statusCode(404);
        as(repHz, "crm-sales").get(CLIENTS + "/" + clientHz + "/team-members").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void a_pool_member_sees_the_pools_clients_and_no_one_else_does() {
        String poolId = createPool(pool("华东公海", repHz));
        String pooled = registerAs(repSh, "公海客户" + run);
        as(repSh, "crm-sales").header("If-Match", "\"0\"").body(Map.of("poolId", poolId, "reason", "无意向"))
                .post(CLIENTS + "/" + pooled + "/return-to-pool").then().statusCode(200);
        sees(repHz, "crm-sales", pooled, "POOL");
        listShows(repHz, "crm-sales", clientHz, pooled);
        doesNotSee(repSouth, "crm-sales", pooled);
        doesNotSee(repSh, "crm-sales", pooled);
        as(repHz, "crm-sales").get(POOLS + "/" + poolId + "/clients").then().statusCode(200);
    }

    @Test
    void moving_a_rep_to_another_department_moves_their_clients_into_that_departments_view_at_once() {
        place(repHz, south, false);
        sees(managerSouth, "crm-manager", clientHz, "SCOPE");
        doesNotSee(managerEast, "crm-manager", clientHz);
        listShows(managerSouth, "crm-manager", clientHz, clientSouth);
        as(repHz, "crm-sales").get(CLIENTS + "/" + clientHz).then().body("placement.ownerDepartment", equalTo(south));
        // a client registered after the move is owned from the new department
        String later = registerAs(repHz, "新客户" + run);
        sees(managerSouth, "crm-manager", later, "SCOPE");
    }

    @Test
    void moving_a_department_under_another_moves_its_clients_into_the_new_parents_view() {
        doesNotSee(managerSouth, "crm-manager", clientHz);
        String etag = admin().get("/api/v1/departments/" + eastHz).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("name", "杭州组", "parentId", south))
                .put("/api/v1/departments/" + eastHz).then().statusCode(200).body("parentId", equalTo(south));
        sees(managerSouth, "crm-manager", clientHz, "SCOPE");
        doesNotSee(managerEast, "crm-manager", clientHz);
    }
}
