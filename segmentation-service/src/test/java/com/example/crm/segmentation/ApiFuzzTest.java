package com.example.crm.segmentation;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.fuzz.ApiFuzz;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Requests made up from segmentation-service's own OpenAPI document, valid and hostile: no 5xx, answers as documented. */
@QuarkusTest
class ApiFuzzTest {

    @Inject
    DataSource db;

    @Test
    void no_generated_or_hostile_request_gets_a_5xx_an_undocumented_answer_or_a_write_when_refused() throws Exception {
        Projections.empty(db); // a classification run the fuzz starts answers within the client's timeout
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = UUID.randomUUID().toString();
            Projections.client(db, id, "fuzz-rep", i % 2 == 0 ? "EXISTING" : "POTENTIAL", null);
            clients.add(id);
        }
        String segment = SegmentMembershipTest.as("fuzz-manager", "crm-manager").body("""
                {"name":"模糊分群","rule":{"and":[{"field":"status","op":"eq","value":"EXISTING"}]}}""")
                .post("/api/v1/segments").then().statusCode(201).extract().path("id");

        ApiFuzz.against(db, "segmentation")
                .ids("clients", clients.toArray(String[]::new)).ids("clientId", clients.toArray(String[]::new))
                .ids("segments", segment)
                .run(2000);
        // a run the fuzz started ends before the next test starts its own (one run at a time)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "select count(*) from segmentation.classification_run where finished_at is null") == 0);
    }
}
