package com.example.crm.complaint.reports.api;

import com.example.crm.complaint.TestClock;
import com.example.crm.complaint.handling.application.EscalationService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.example.crm.complaint.ComplaintFixtures.acknowledge;
import static com.example.crm.complaint.ComplaintFixtures.as;
import static com.example.crm.complaint.ComplaintFixtures.complaint;
import static com.example.crm.complaint.ComplaintFixtures.investigate;
import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static com.example.crm.complaint.ComplaintFixtures.resolve;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The SLA report (compliance, times) and the repeat-complainer list, over complaints of a period. */
@QuarkusTest
class ComplaintReportTest {

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalations;

    @Test
    void the_sla_report_counts_complaints_resolved_within_target_against_those_decided_in_the_period() {
        Instant from = clock.instant();
        String client = knownClient("报表统计公司");
        String inTime = complaint(client, "CRITICAL");
        acknowledge(inTime);
        investigate(inTime);
        resolve(inTime);
        String late = complaint(client, "CRITICAL"); // first response 1h
        clock.advance(Duration.ofMinutes(90));
        escalations.scan();
        acknowledge(late);
        complaint(client, "CRITICAL"); // open, not breached yet: undecided
        Instant to = clock.instant().plusSeconds(1);

        as("m", "crm-manager").get("/api/v1/reports/sla?from=" + from + "&to=" + to).then().statusCode(200)
                .body("groups.find { it.dimension == 'ALL' }.complaints", equalTo(3))
                .body("groups.find { it.dimension == 'ALL' }.decided", equalTo(2))
                .body("groups.find { it.dimension == 'ALL' }.withinSla", equalTo(1))
                .body("groups.find { it.dimension == 'ALL' }.complianceRate", equalTo(0.5f))
                .body("groups.find { it.dimension == 'SEVERITY' && it.key == 'CRITICAL' }.complaints", equalTo(3))
                .body("groups.find { it.dimension == 'CATEGORY' && it.key == 'DELIVERY' }.decided", equalTo(2));
        as("m", "crm-manager").get("/api/v1/reports/sla?from=" + to + "&to=" + from).then().statusCode(400);
        as("rep", "crm-sales").get("/api/v1/reports/sla").then().statusCode(403);

        as("m", "crm-manager").get("/api/v1/reports/repeat-complainers").then().statusCode(200)
                .body("clientId", hasItem(client))
                .body("find { it.clientId == '" + client + "' }.complaints", equalTo(3))
                .body("find { it.clientId == '" + client + "' }.legalName", equalTo("报表统计公司"));
    }
}
