package com.example.crm.interaction.brief.api;

import com.example.crm.platform.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.call;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The pre-visit brief (docs/domain.md, "Visits and cadences": check the card before every visit). */
@QuarkusTest
class BriefApiTest {

    @Test
    void the_brief_shows_the_card_the_last_five_contacts_and_orders_receivables_the_next_plan_and_prospect_progress() {
        String client = knownClient("rep-b1", "拜访简报公司");
        LocalDate first = TestTime.day(-33);
        for (int day = 1; day <= 6; day++) {
            as("rep-b1", "crm-sales").body(call(first.plusDays(day - 1) + "T10:00:00+08:00"))
                    .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        }
        as("rep-b1", "crm-sales").body("{\"kind\":\"VISIT\",\"occurredAt\":\"" + first.plusDays(6) + "T10:00:00+08:00\"}")
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        int year = TestTime.today().getYear() - 1; // every order is past its 30-day terms
        for (int month = 1; month <= 6; month++) {
            as("rep-b1", "crm-sales").body("""
                    {"orderedAt":"%d-%02d-15T10:00:00+08:00","lines":[
                      {"productCategory":"轴承","quantity":2,"unitPrice":{"amount":"50.00","currency":"CNY"}},
                      {"productCategory":"齿轮","quantity":1.5,"unitPrice":{"amount":"10.00","currency":"CNY"}}]}"""
                    .formatted(year, month)).post("/api/v1/clients/" + client + "/orders").then().statusCode(201);
        }
        LocalDate next = TestTime.day(3);
        as("rep-b1", "crm-sales").body("{\"plannedOn\":\"" + next + "\",\"purpose\":\"送样品\"}")
                .post("/api/v1/clients/" + client + "/visit-plans").then().statusCode(201);

        as("rep-b1", "crm-sales").get("/api/v1/clients/" + client + "/brief").then().statusCode(200)
                .body("client.legalName", equalTo("拜访简报公司"))
                .body("client.status", equalTo("POTENTIAL"))
                .body("client.lastContactAt", equalTo(first.plusDays(6) + "T02:00:00Z"))
                .body("lastContacts.size()", equalTo(5))
                .body("lastContacts[0].kind", equalTo("VISIT"))
                .body("lastOrders.orderedAt", contains(year + "-06-15T02:00:00Z", year + "-05-15T02:00:00Z",
                        year + "-04-15T02:00:00Z", year + "-03-15T02:00:00Z", year + "-02-15T02:00:00Z"))
                .body("lastOrders[0].productCategories", contains("轴承", "齿轮"))
                .body("lastOrders[0].quantity", equalTo(3.5f))
                .body("lastOrders[0].amount.amount", equalTo("115.00"))
                .body("receivables[0].outstanding.amount", equalTo("690.00"))
                .body("overdue.size()", equalTo(6)) // all six orders are past their 30-day terms
                .body("nextPlan.plannedOn", equalTo(next.toString()))
                .body("nextPlan.purpose", equalTo("送样品"))
                .body("cadence", nullValue())
                .body("prospect.visits", equalTo(1))
                .body("prospect.target", equalTo(5))
                .body("prospect.remaining", equalTo(4));
    }

    @Test
    void the_brief_of_an_unknown_client_is_404_and_a_foreign_role_cannot_read_it() {
        as("rep-b2", "crm-sales").get("/api/v1/clients/" + UUID.randomUUID() + "/brief").then().statusCode(404);
        String client = knownClient("rep-b2", "简报权限公司");
        as("sys", "crm-integration").get("/api/v1/clients/" + client + "/brief").then().statusCode(403);
    }
}
