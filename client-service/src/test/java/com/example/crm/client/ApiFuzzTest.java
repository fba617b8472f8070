package com.example.crm.client;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.fuzz.ApiFuzz;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static com.example.crm.client.PoolFixtures.createPool;
import static com.example.crm.client.PoolFixtures.clientInPool;
import static com.example.crm.client.PoolFixtures.pool;

/** Requests made up from client-service's own OpenAPI document, valid and hostile: no 5xx, answers as documented. */
@QuarkusTest
class ApiFuzzTest {

    @Inject
    DataSource db;

    @Test
    void no_generated_or_hostile_request_gets_a_5xx_an_undocumented_answer_or_a_write_when_refused() throws Exception {
        List<String> clients = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = register("fuzz-rep", company("模糊测试客户" + i + "有限公司"));
            clients.add(id);
            contacts.add(as("fuzz-rep", "crm-sales").body(Map.of("name", "联系人" + i))
                    .post(CLIENTS + "/" + id + "/contacts").then().statusCode(201).extract().path("id"));
        }
        String pool = createPool(pool("模糊公海", "fuzz-rep"));
        clients.add(clientInPool(pool, "fuzz-rep", "公海里的模糊客户"));

        ApiFuzz.against(db, "client")
                .ids("clients", clients.toArray(String[]::new)).ids("clientId", clients.toArray(String[]::new))
                .ids("contacts", contacts.toArray(String[]::new)).ids("pools", pool)
                .ids("scope", "USER", "DEPARTMENT").ids("subject", "fuzz-rep", "fuzz-dept")
                .run(2000);
        // the other tests of this service expect no default pool
        Sql.update(db, "update client.pool set is_default = false");
    }
}
