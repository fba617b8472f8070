package com.example.crm.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;

/** The four services of the stack under test, each a process of its own with its own port, topic and schema. */
enum Service {
    CLIENT("client", "crm.client.v1"),
    INTERACTION("interaction", "crm.interaction.v1"),
    COMPLAINT("complaint", "crm.complaint.v1"),
    SEGMENTATION("segmentation", "crm.segment.v1");

    final String id;
    final String topic;

    Service(String id, String topic) {
        this.id = id;
        this.topic = topic;
    }

    int port() {
        return SuiteStack.HTTP_PORT_BASE + ordinal() + 1;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    /** A JSON request to this service with the given {@code Authorization} value (null: none). */
    RequestSpecification request(String authorization) {
        RequestSpecification spec = given().baseUri(baseUri()).contentType(ContentType.JSON).accept(ContentType.JSON);
        return authorization == null ? spec : spec.header("Authorization", authorization);
    }

    /** A connection as the service's own database role (only its schema is visible to it). */
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + SuiteStack.PG_PORT + "/" + SuiteStack.DATABASE,
                id + "_svc", "crm-dev-" + id);
    }

    static Service ofTopic(String topic) {
        for (Service service : values()) {
            if (topic.equals(service.topic) || topic.equals(service.topic + ".dlq")) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service publishes " + topic);
    }
}
