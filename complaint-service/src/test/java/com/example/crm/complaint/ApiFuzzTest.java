package com.example.crm.complaint;

import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.fuzz.ApiFuzz;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static com.example.crm.complaint.ComplaintFixtures.HANDLER;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;

/** Requests made up from complaint-service's own OpenAPI document, valid and hostile: no 5xx, answers as documented. */
@QuarkusTest
class ApiFuzzTest {

    @Inject
    DataSource db;

    @Test
    void no_generated_or_hostile_request_gets_a_5xx_an_undocumented_answer_or_a_write_when_refused() throws Exception {
        List<String> complaints = new ArrayList<>();
        List<String> followUps = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String client = knownClient("模糊投诉客户" + i);
            clients.add(client);
            String id = complaint(client, i % 2 == 0 ? "HIGH" : "LOW");
            complaints.add(id);
            followUps.add(as("handler-1", HANDLER).body("{\"action\":\"回访确认\",\"dueOn\":\"" + TestTime.day(3) + "\"}")
                    .post("/api/v1/complaints/" + id + "/follow-ups").then().statusCode(201).extract().path("id"));
        }
        String solution = as("handler-1", HANDLER).body("""
                {"title":"模糊方案","category":"DELIVERY","symptoms":"到货晚","answer":"补发","tags":["物流"]}""")
                .post("/api/v1/solutions").then().statusCode(201).extract().path("id");

        ApiFuzz.against(db, "complaint")
                .ids("complaints", complaints.toArray(String[]::new)).ids("follow-ups", followUps.toArray(String[]::new))
                .ids("solutions", solution).ids("clientId", clients.toArray(String[]::new))
                .run(2000);
    }
}
