package com.example.crm.complaint.clients.messaging;

import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.example.crm.complaint.ComplaintFixtures.HANDLER;
import static com.example.crm.complaint.ComplaintFixtures.WAIT;
import static com.example.crm.complaint.ComplaintFixtures.acknowledge;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.db;
import static com.example.crm.complaint.ComplaintFixtures.intake;
import static com.example.crm.complaint.ComplaintFixtures.investigate;
import static com.example.crm.complaint.ComplaintFixtures.kafka;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static com.example.crm.complaint.ComplaintFixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The client replica from crm.client.v1: merged clients' complaints follow the survivor; erasure scrubs words. */
@QuarkusTest
class ComplaintReplicaTest {

    @Test
    void a_merged_away_clients_complaints_move_to_the_survivor_and_it_takes_no_new_ones() {
        String survivor = knownClient("投诉合并保留");
        String merged = knownClient("投诉合并移除");
        String id = complaint(merged, "LOW");
        ClientEventsForTests.publish(kafka(), "crm.client.v1", survivor, ClientEventsForTests.clientEvent(
                UUID.randomUUID().toString(), "crm.client.merged.v1", survivor, """
                        {"clientId":"%s","version":1,"survivorId":"%s","mergedId":"%s","mergedBy":"m","mergedAt":"%s"}"""
                        .formatted(survivor, survivor, merged, TestTime.now())));
        await().atMost(WAIT).untilAsserted(() -> as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("clientId", equalTo(survivor)));
        as("handler-1", HANDLER).body(intake(merged, "LOW")).post("/api/v1/complaints").then().statusCode(409)
                .body("mergedInto", equalTo(survivor));
    }

    @Test
    void erasure_scrubs_the_customers_words_and_findings_but_keeps_categories_times_and_levels() {
        String client = knownClient("擦除投诉个体户");
        String id = complaint(client, "HIGH");
        acknowledge(id);
        investigate(id);
        resolve(id);
        as("handler-2", HANDLER).body("{\"score\":4,\"performance\":8,\"expectation\":8,\"comment\":\"张女士说送货员很客气\"}")
                .post("/api/v1/complaints/" + id + "/survey/answer").then().statusCode(200);
        List<String> personal = List.of("王经理", "交货延迟", "客户说明了延迟情况", "物流商排期错误", "已更换物流商", "补发并减免运费",
                "已补发，运费全免", "张女士说送货员很客气");
        assertThat(everythingStoredAbout(id)).as("the texts are stored before the erasure").contains(personal);

        ClientEventsForTests.publish(kafka(), "crm.client.v1", client, ClientEventsForTests.clientEvent(
                UUID.randomUUID().toString(), "crm.client.erased.v1", client, "{\"clientId\":\"" + client + "\"}"));
        await().atMost(WAIT).untilAsserted(() -> as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("customerWords", nullValue()));
        as("m", "crm-manager").get("/api/v1/complaints/" + id).then()
                .body("subject", equalTo("(erased)"))
                .body("acknowledgement.customerAccount", nullValue())
                .body("investigation.finding", nullValue())
                .body("investigation.rootCause", equalTo("DELIVERY_DELAY"))
                .body("category", equalTo("DELIVERY"))
                .body("severity", equalTo("HIGH"))
                .body("acknowledgedAt", notNullValue())
                .body("resolvedAt", notNullValue());
        String stored = everythingStoredAbout(id);
        for (String text : personal) {
            assertThat(stored).as("the complaint, its history and its survey after the erasure").doesNotContain(text);
        }
        assertThat(Sql.count(db(), "select count(*) from complaint.survey where complaint_id = ? and score = 4 and gap = 0",
                UUID.fromString(id))).as("the survey's figures stay").isEqualTo(1);
    }

    /** The complaint's row, its history and its surveys as JSON text. */
    private static String everythingStoredAbout(String id) {
        UUID complaint = UUID.fromString(id);
        return Sql.value(db(), "select row_to_json(c)::text from complaint.complaint c where id = ?", complaint)
                + " " + Sql.value(db(), "select coalesce(json_agg(h)::text, '') from complaint.complaint_history h "
                + "where complaint_id = ?", complaint)
                + " " + Sql.value(db(), "select coalesce(json_agg(s)::text, '') from complaint.survey s where complaint_id = ?",
                complaint);
    }
}
