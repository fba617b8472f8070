package com.example.crm.complaint;

import com.example.crm.contract.client.ClientEventExamples;
import com.example.crm.contract.segment.SegmentEventExamples;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.ConsumerGroups;
import com.example.crm.platform.testing.EventContract;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.Tokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;

/** Clients for complaint-service tests, made known through client-service's documented events. */
public final class ComplaintFixtures {

    public static final EventContract EVENTS = EventContract.of("crm.complaint.v1");
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String HANDLER = "crm-service";

    private ComplaintFixtures() {
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", Tokens.bearer(subject, roles)).contentType(ContentType.JSON);
    }

    /** Registers a client through its event and waits until complaints can be taken in for it. */
    public static String knownClient(String legalName) {
        ConsumerGroups.awaitAssigned(kafka(), "complaint-service", "crm.client.v1", Duration.ofSeconds(60));
        String id = UUID.randomUUID().toString();
        ClientEventsForTests.publishUntilApplied(kafka(), "crm.client.v1", id,
                ClientEventExamples.registered(id, "rep-c", legalName, "EXISTING", TestTime.now()),
                () -> Sql.count(db(), "select count(*) from complaint.known_client where id = ?", UUID.fromString(id)) == 1,
                WAIT);
        return id;
    }

    public static DataSource db() {
        return Arc.container().instance(DataSource.class).get();
    }

    public static void classify(String clientId, String abcClass, String valueTier, Instant computedAt) {
        ConsumerGroups.awaitAssigned(kafka(), "complaint-service", "crm.segment.v1", Duration.ofSeconds(60));
        ClientEventsForTests.publish(kafka(), "crm.segment.v1", clientId,
                SegmentEventExamples.classified(clientId, abcClass, valueTier, computedAt, TestTime.now()));
    }

    public static String intake(String clientId, String severity) {
        return """
                {"clientId":"%s","channel":"PHONE","category":"DELIVERY","severity":"%s","subject":"交货延迟",
                 "customerWords":"第三次延迟了，王经理很生气"}""".formatted(clientId, severity);
    }

    /** Takes in a complaint as a handler; its id. */
    public static String complaint(String clientId, String severity) {
        return as("handler-1", HANDLER).body(intake(clientId, severity)).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
    }

    public static String etag(String complaintId) {
        return as("handler-1", HANDLER).get("/api/v1/complaints/" + complaintId).then().extract().header("ETag");
    }

    public static void acknowledge(String complaintId) {
        as("handler-1", HANDLER).header("If-Match", etag(complaintId)).body("{\"customerAccount\":\"客户说明了延迟情况\"}")
                .put("/api/v1/complaints/" + complaintId + "/acknowledgement").then().statusCode(200);
    }

    public static void investigate(String complaintId) {
        as("handler-1", HANDLER).header("If-Match", etag(complaintId))
                .body("{\"rootCause\":\"DELIVERY_DELAY\",\"finding\":\"物流商排期错误\",\"toldCustomer\":\"已更换物流商\"}")
                .put("/api/v1/complaints/" + complaintId + "/investigation").then().statusCode(200);
    }

    /** Resolves (after acknowledging and investigating as needed); the survey token. */
    public static String resolve(String complaintId) {
        return as("handler-1", HANDLER).header("If-Match", etag(complaintId))
                .body("{\"apologyGiven\":true,\"preferredResolution\":\"补发并减免运费\",\"resolution\":\"已补发，运费全免\"}")
                .post("/api/v1/complaints/" + complaintId + "/resolution").then().statusCode(200)
                .extract().path("surveyToken");
    }
}
