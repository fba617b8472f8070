package com.example.crm.segmentation;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Allocation (60/30/10), best and worst by value minus cost to serve, the leaky bucket, the prospect pipeline. */
@QuarkusTest
class AnalysisTest {

    @Inject
    DataSource db;

    static RequestSpecification as(String subject, String role) {
        return given().header("Authorization", Tokens.bearer(subject, role));
    }

    @BeforeEach
    void emptyProjection() {
        Projections.empty(db);
    }

    @Test
    void a_reps_week_goes_60_30_10_to_key_ordinary_and_prospects_and_an_empty_tier_gives_its_share_away() {
        String key = "00000000-0000-0000-0000-00000000a001";
        Projections.client(db, key, "rep-a", "EXISTING", "STRATEGIC_ALLIANCE");
        Projections.client(db, "00000000-0000-0000-0000-00000000a002", "rep-a", "EXISTING", null);
        Projections.client(db, "00000000-0000-0000-0000-00000000a003", "rep-a", "EXISTING", null);
        Projections.client(db, "00000000-0000-0000-0000-00000000a004", "rep-a", "POTENTIAL", null);
        Projections.client(db, "00000000-0000-0000-0000-00000000b001", "rep-b", "EXISTING", null);
        Projections.client(db, "00000000-0000-0000-0000-00000000b002", "rep-b", "INTENDED", null);
        as("m", "crm-manager").post("/api/v1/runs").then().statusCode(201);

        as("rep-a", "crm-sales").get("/api/v1/allocation?weeklyHours=40").then().statusCode(200)
                .body("tiers.tier", contains("KEY", "ORDINARY", "PROSPECT"))
                .body("tiers.hours", contains(24.0f, 12.0f, 4.0f))
                .body("tiers.hoursPerClient", contains(24.0f, 6.0f, 4.0f))
                .body("clients.find { it.client.clientId == '" + key + "' }.hours", equalTo(24.0f));
        as("rep-b", "crm-sales").get("/api/v1/allocation").then()
                .body("tiers.hours", contains(0.0f, 30.0f, 10.0f));
        as("rep-a", "crm-sales").get("/api/v1/allocation?owner=rep-b").then().statusCode(403);
        as("rep-a", "crm-sales").get("/api/v1/allocation?weeklyHours=0").then().statusCode(400);
    }

    @Test
    void best_and_worst_rank_by_revenue_minus_contacts_complaints_compensation_and_overdue() {
        String good = "00000000-0000-0000-0000-00000000c001";
        String costly = "00000000-0000-0000-0000-00000000c002";
        Projections.client(db, good, "rep-c", "EXISTING", null);
        Projections.client(db, costly, "rep-c", "EXISTING", null);
        Projections.order(db, good, "1000.00", "CNY", 10, false);
        Projections.order(db, costly, "100.00", "CNY", 10, false);
        Projections.contacts(db, costly, 2, 3, "NEUTRAL");
        Sql.update(db, "insert into segmentation.complaint_fact (complaint_id, client_id, received_at, open, compensation, "
                + "compensation_currency) values (gen_random_uuid(), ?, ?, false, 200, 'CNY')", UUID.fromString(costly),
                Projections.now());
        Sql.update(db, "insert into segmentation.overdue_instalment values (gen_random_uuid(), ?, 1000, 'CNY')",
                UUID.fromString(costly));
        // costly: 100 - (2 x 100 + 1 x 500 + 200 + 10% of 1000) = 100 - 1000 = -900
        as("m", "crm-manager").get("/api/v1/best-worst?owner=rep-c&n=1").then().statusCode(200)
                .body("best.clientId", contains(good)).body("best[0].net", equalTo(1000.0f))
                .body("worst.clientId", contains(costly)).body("worst[0].costToServe", equalTo(1000.0f))
                .body("worst[0].net", equalTo(-900.0f));
        as("rep-c", "crm-sales").get("/api/v1/best-worst").then().statusCode(403);
        as("m", "crm-manager").get("/api/v1/best-worst?n=0").then().statusCode(400);
    }

    @Test
    void the_leaky_bucket_counts_gained_lost_and_the_revenue_share_of_existing_clients_per_month() {
        String loyal = "00000000-0000-0000-0000-00000000d001";
        String fresh = "00000000-0000-0000-0000-00000000d002";
        String leaving = "00000000-0000-0000-0000-00000000d003";
        for (String id : new String[]{loyal, fresh, leaving}) {
            Projections.client(db, id, "rep-d", "EXISTING", null);
        }
        Projections.orderInMonth(db, loyal, "100.00", 2, 4);
        Projections.orderInMonth(db, loyal, "100.00", 0, 0);
        Projections.orderInMonth(db, fresh, "50.00", 0, 0);
        Projections.orderInMonth(db, leaving, "30.00", 1, 4);
        Sql.update(db, "update segmentation.client_profile set status = 'TERMINATED', "
                + "terminated_at = greatest(date_trunc('month', cast(? as timestamptz)), cast(? as timestamptz) - interval "
                + "'1 minute') where client_id = ?", Projections.now(), Projections.now(), UUID.fromString(leaving));
        as("m", "crm-manager").get("/api/v1/retention?months=3").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("[2].activeAtStart", equalTo(2))
                .body("[2].gained", equalTo(1))
                .body("[2].lost", equalTo(1))
                .body("[2].retentionRate", equalTo(0.5f))
                .body("[2].revenue", equalTo(150.0f))
                .body("[2].existingShare", equalTo(0.6667f))
                .body("[0].gained", equalTo(1));
    }

    @Test
    void lapsed_clients_are_existing_ones_without_an_order_for_the_period_longest_first() {
        String old = "00000000-0000-0000-0000-0000000f0001";
        String older = "00000000-0000-0000-0000-0000000f0002";
        String active = "00000000-0000-0000-0000-0000000f0003";
        String prospect = "00000000-0000-0000-0000-0000000f0004";
        Projections.client(db, old, "rep-g", "EXISTING", null);
        Projections.client(db, older, "rep-g", "EXISTING", null);
        Projections.client(db, active, "rep-g", "EXISTING", null);
        Projections.client(db, prospect, "rep-g", "INTENDED", null);
        Projections.order(db, old, "10.00", "CNY", 200, false);
        Projections.order(db, older, "10.00", "USD", 400, false);
        Projections.order(db, active, "10.00", "CNY", 400, false);
        Projections.order(db, active, "10.00", "CNY", 20, false);
        Projections.order(db, prospect, "10.00", "CNY", 400, false);
        as("rep-g", "crm-sales").get("/api/v1/lapsed?owner=rep-g").then().statusCode(200)
                .body("items.clientId", contains(older, old))
                .body("items[0].daysSinceLastOrder", equalTo(400))
                .body("nextCursor", nullValue());
        as("rep-g", "crm-sales").get("/api/v1/lapsed?owner=rep-g&days=300").then().body("items.clientId", contains(older));
        as("rep-g", "crm-sales").get("/api/v1/lapsed").then().statusCode(403);
        // one a page: the cursor goes on where the page ended, in the same order
        String next = as("rep-g", "crm-sales").get("/api/v1/lapsed?owner=rep-g&limit=1").then()
                .body("items.clientId", contains(older)).extract().path("nextCursor");
        as("rep-g", "crm-sales").get("/api/v1/lapsed?owner=rep-g&limit=1&cursor=" + next).then()
                .body("items.clientId", contains(old)).body("nextCursor", nullValue());
        as("rep-g", "crm-sales").get("/api/v1/lapsed?owner=rep-g&cursor=forged").then().statusCode(400);
    }

    @Test
    void prospects_get_a_revisit_bucket_from_the_last_outcome_and_the_pipeline_is_measured_against_its_target() {
        String warm = "00000000-0000-0000-0000-00000000e001";
        String cold = "00000000-0000-0000-0000-00000000e002";
        Projections.client(db, warm, "rep-e", "POTENTIAL", null);
        Projections.client(db, cold, "rep-e", "INTENDED", null);
        Projections.contacts(db, warm, 2, 10, "POSITIVE");
        Projections.contacts(db, cold, 9, 5, "NO_RESPONSE");
        as("rep-e", "crm-sales").get("/api/v1/prospects").then().statusCode(200)
                .body("activeProspects", equalTo(2)).body("target", equalTo(100)).body("belowTarget", equalTo(true))
                .body("prospects.find { it.client.clientId == '" + warm + "' }.revisitDays", equalTo(20))
                .body("prospects.find { it.client.clientId == '" + warm + "' }.suggestion", equalTo("KEEP"))
                .body("prospects.find { it.client.clientId == '" + cold + "' }.revisitDays", equalTo(80))
                .body("prospects.find { it.client.clientId == '" + cold + "' }.suggestion", equalTo("DROP"));
    }
}
