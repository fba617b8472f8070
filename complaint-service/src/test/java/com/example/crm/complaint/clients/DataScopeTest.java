package com.example.crm.complaint.clients;

import com.example.crm.contract.client.ClientEventExamples;
import com.example.crm.contract.client.OrganisationEvents;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.example.crm.complaint.ComplaintFixtures.WAIT;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.kafka;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The data scope in complaint-service (docs/domain.md, "Data scope"): a complaint is read by the service team, its
 * assignee, and whoever sees its client (its owner, their department's managers, its team); for anyone else it does
 * not exist (404), in reads, lists and reports alike.
 */
@QuarkusTest
class DataScopeTest {

    private static final String KEY = OrganisationEvents.KEY.toString();

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Instant now = TestTime.now();

    private void publish(String key, String event) {
        ClientEventsForTests.publish(kafka(), "crm.client.v1", key, event);
    }

    @Test
    void a_complaint_is_read_by_whom_its_client_is_visible_to_and_by_no_one_else() {
        knownClient("预热客户" + run); // the client consumer is positioned
        String east = "c-east-" + run;
        String south = "c-south-" + run;
        String owner = "c-owner-" + run;
        String managerEast = "c-manager-east-" + run;
        String managerSouth = "c-manager-south-" + run;
        for (String department : new String[] {east, south}) {
            publish(KEY, ClientEventExamples.departmentOpened(department, "部门", now));
        }
        publish(KEY, ClientEventExamples.memberPlaced(managerEast, east, 0, now));
        publish(KEY, ClientEventExamples.memberPlaced(managerSouth, south, 0, now));
        String client = UUID.randomUUID().toString();
        publish(client, ClientEventExamples.registered(client, owner, east, "投诉范围客户", "EXISTING", now));
        await().atMost(WAIT).until(() -> as("handler-1", "crm-service").body(com.example.crm.complaint.ComplaintFixtures
                .intake(client, "LOW")).post("/api/v1/complaints").statusCode() == 201);
        String id = complaint(client, "HIGH");

        await().atMost(WAIT).until(() -> as(managerSouth, "crm-manager").get("/api/v1/complaints/" + id).statusCode() == 404
                && as(managerEast, "crm-manager").get("/api/v1/complaints/" + id).statusCode() == 200);
        as(owner, "crm-sales").get("/api/v1/complaints/" + id).then().statusCode(200);
        as("c-other-" + run, "crm-sales").get("/api/v1/complaints/" + id).then().statusCode(404);
        as("c-other-" + run, "crm-sales").get("/api/v1/complaints/" + id + "/history").then().statusCode(404);
        as(managerSouth, "crm-manager").queryParam("clientId", client).get("/api/v1/complaints").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(managerEast, "crm-manager").queryParam("clientId", client).get("/api/v1/complaints").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(managerSouth, "crm-manager").body(com.example.crm.complaint.ComplaintFixtures.intake(client, "LOW"))
                .post("/api/v1/complaints").then().statusCode(404);
        as("c-auditor-" + run, "crm-auditor").get("/api/v1/complaints/" + id).then().statusCode(200);
        // a resolved complaint's survey: staff outside the scope do not see it to answer it
        com.example.crm.complaint.ComplaintFixtures.acknowledge(id);
        com.example.crm.complaint.ComplaintFixtures.investigate(id);
        com.example.crm.complaint.ComplaintFixtures.resolve(id);
        String answer = "{\"score\":5,\"performance\":9,\"expectation\":9}";
        as(managerSouth, "crm-manager").body(answer).post("/api/v1/complaints/" + id + "/survey/answer").then()
                .statusCode(404);
        as(managerEast, "crm-manager").body(answer).post("/api/v1/complaints/" + id + "/survey/answer").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        // reports count the complaints of the clients the caller sees: both managers see the same others
        assertThat(slaComplaints(managerEast) - slaComplaints(managerSouth)).isEqualTo(2);
    }

    private int slaComplaints(String manager) {
        Integer count = as(manager, "crm-manager").queryParam("from", now.minusSeconds(86_400).toString())
                .queryParam("to", now.plusSeconds(86_400).toString()).get("/api/v1/reports/sla").then().statusCode(200)
                .extract().path("groups.find { it.dimension == 'ALL' }.complaints");
        return count == null ? 0 : count;
    }
}
