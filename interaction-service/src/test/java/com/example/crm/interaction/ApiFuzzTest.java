package com.example.crm.interaction;

import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.fuzz.ApiFuzz;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.call;
import static com.example.crm.interaction.InteractionFixtures.knownClient;

/** Requests made up from interaction-service's own OpenAPI document, valid and hostile: no 5xx, answers as documented. */
@QuarkusTest
class ApiFuzzTest {

    @Inject
    DataSource db;

    @Test
    void no_generated_or_hostile_request_gets_a_5xx_an_undocumented_answer_or_a_write_when_refused() throws Exception {
        List<String> clients = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        List<String> interactions = new ArrayList<>();
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String client = knownClient("fuzz-rep", "模糊交往客户" + i);
            clients.add(client);
            String base = "/api/v1/clients/" + client;
            orders.add(as("fuzz-rep", "crm-sales").body("{\"orderedAt\":\"%s\",\"total\":{\"amount\":\"%d.00\",\"currency\":\"CNY\"}}"
                    .formatted(TestTime.ago(Duration.ofDays(3)), 100 + i)).post(base + "/orders")
                    .then().statusCode(201).extract().path("id"));
            interactions.add(as("fuzz-rep", "crm-sales").body(call(TestTime.ago(Duration.ofHours(2))))
                    .post(base + "/interactions").then().statusCode(201).extract().path("id"));
            plans.add(as("fuzz-rep", "crm-sales").body("{\"plannedAt\":\"%s\",\"purpose\":\"回访\"}".formatted(TestTime.at(2, "10:00")))
                    .post(base + "/visit-plans").then().statusCode(201).extract().path("id"));
        }

        ApiFuzz.against(db, "interaction")
                .ids("clients", clients.toArray(String[]::new)).ids("clientId", clients.toArray(String[]::new))
                .ids("orders", orders.toArray(String[]::new)).ids("interactions", interactions.toArray(String[]::new))
                .ids("visit-plans", plans.toArray(String[]::new)).ids("payments", orders.toArray(String[]::new))
                .run(2000);
    }
}
