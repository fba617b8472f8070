package com.example.crm.interaction.clients;

import com.example.crm.contract.client.ClientEventExamples;
import com.example.crm.contract.client.OrganisationEvents;
import com.example.crm.platform.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.example.crm.interaction.InteractionFixtures.WAIT;
import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.awaitClientConsumer;
import static com.example.crm.interaction.InteractionFixtures.call;
import static com.example.crm.interaction.InteractionFixtures.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The data scope in interaction-service (docs/domain.md, "Data scope"), from the organisation's, the teams' and the
 * clients' events of crm.client.v1: a client's timeline, orders and records are read by whom its owner's department
 * is in scope for, by its team and its owner; for anyone else they do not exist (404). Moving its owner to another
 * department moves them into that department's view.
 */
@QuarkusTest
class DataScopeTest {

    private static final String KEY = OrganisationEvents.KEY.toString();

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Instant now = TestTime.now();

    /** The client consumer reads from the topic's end: a client known here shows it is positioned. */
    private void consumerPositioned() {
        awaitClientConsumer();
        com.example.crm.interaction.InteractionFixtures.knownClient("warm-up-" + run, "预热客户");
    }

    private void department(String id) {
        publish(KEY, ClientEventExamples.departmentOpened(id, "部门" + id, now));
    }

    private void place(String user, String department, long version) {
        publish(KEY, ClientEventExamples.memberPlaced(user, department, version, now));
    }

    private String client(String owner, String department) {
        String id = UUID.randomUUID().toString();
        publish(id, ClientEventExamples.registered(id, owner, department, "范围客户" + run, "POTENTIAL", now));
        await().atMost(WAIT).until(() -> as(owner, "crm-sales").get("/api/v1/clients/" + id + "/interactions")
                .statusCode() == 200);
        return id;
    }

    private void team(String clientId, String user, String access) {
        publish(clientId, ClientEventExamples.teamOfOne(clientId, user, access, now));
    }

    private static int timeline(String user, String role, String clientId) {
        return as(user, role).get("/api/v1/clients/" + clientId + "/interactions").statusCode();
    }

    @Test
    void a_manager_reads_the_timelines_of_their_departments_clients_and_no_other_and_a_move_changes_that() {
        consumerPositioned();
        String east = "i-east-" + run;
        String south = "i-south-" + run;
        String rep = "i-rep-" + run;
        String managerEast = "i-manager-east-" + run;
        String managerSouth = "i-manager-south-" + run;
        department(east);
        department(south);
        place(managerEast, east, 0);
        place(managerSouth, south, 0);
        place(rep, east, 0);
        String client = client(rep, east);
        String logged = as(rep, "crm-sales").body(call(now.minusSeconds(60).toString()))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201).extract().path("id");

        await().atMost(WAIT).until(() -> timeline(managerEast, "crm-manager", client) == 200);
        await().atMost(WAIT).until(() -> timeline(managerSouth, "crm-manager", client) == 404);
        as(managerSouth, "crm-manager").get("/api/v1/interactions/" + logged).then().statusCode(404);
        as(managerSouth, "crm-manager").get("/api/v1/clients/" + client + "/orders").then().statusCode(404);
        as("i-other-" + run, "crm-sales").get("/api/v1/clients/" + client + "/brief").then().statusCode(404);
        as("i-other-" + run, "crm-sales").body(call(now.minusSeconds(30).toString()))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(404);
        as("i-auditor-" + run, "crm-auditor").get("/api/v1/interactions/" + logged).then().statusCode(200);

        place(rep, south, 1);
        await().atMost(WAIT).until(() -> timeline(managerSouth, "crm-manager", client) == 200);
        as(managerEast, "crm-manager").get("/api/v1/clients/" + client + "/interactions").then().statusCode(404);
        as(managerSouth, "crm-manager").get("/api/v1/todo?assignee=" + rep).then().statusCode(200);
        as(managerEast, "crm-manager").get("/api/v1/todo?assignee=" + rep).then().statusCode(403);
    }

    @Test
    void a_team_member_reads_with_READ_and_logs_contacts_with_EDIT() {
        consumerPositioned();
        String east = "t-east-" + run;
        String owner = "t-owner-" + run;
        String member = "t-member-" + run;
        department(east);
        place(owner, east, 0);
        String client = client(owner, east);
        as(member, "crm-sales").get("/api/v1/clients/" + client + "/interactions").then().statusCode(404);

        team(client, member, "READ");
        await().atMost(WAIT).until(() -> timeline(member, "crm-sales", client) == 200);
        as(member, "crm-sales").body(call(now.minusSeconds(60).toString()))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(403);

        team(client, member, "EDIT");
        await().atMost(WAIT).until(() -> as(member, "crm-sales").body(call(now.minusSeconds(50).toString()))
                .post("/api/v1/clients/" + client + "/interactions").statusCode() == 201);
        as(member, "crm-sales").body(java.util.Map.of("orderedAt", now.toString(),
                        "total", java.util.Map.of("amount", "10.00", "currency", "CNY")))
                .post("/api/v1/clients/" + client + "/orders").then().statusCode(403);
        as(owner, "crm-sales").get("/api/v1/clients/" + client + "/interactions").then()
                .body("items.size()", equalTo(1));
    }
}
