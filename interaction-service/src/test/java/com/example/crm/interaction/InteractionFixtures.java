package com.example.crm.interaction;

import com.example.crm.contract.client.ClientEventExamples;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.ConsumerGroups;
import com.example.crm.platform.testing.EventContract;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.Tokens;
import com.example.crm.platform.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;

/**
 * Clients for interaction-service tests, made known the way production does: client-service's documented
 * events published on crm.client.v1.
 */
public final class InteractionFixtures {

    public static final EventContract EVENTS = EventContract.of("crm.interaction.v1");
    public static final Duration WAIT = Duration.ofSeconds(30);

    private InteractionFixtures() {
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Blocks until interaction-service reads crm.client.v1 (it starts at the topic's end in tests). */
    public static void awaitClientConsumer() {
        ConsumerGroups.awaitAssigned(kafka(), "interaction-service", "crm.client.v1", Duration.ofSeconds(60));
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", Tokens.bearer(subject, roles)).contentType(ContentType.JSON);
    }

    /** A client-service event of {@code type} for {@code clientId}, with {@code data} (a JSON object). */
    public static String clientEvent(String eventId, String type, String clientId, String data) {
        return ClientEventsForTests.clientEvent(eventId, type, clientId, data);
    }

    public static void publish(String clientId, String event) {
        ClientEventsForTests.publish(kafka(), "crm.client.v1", clientId, event);
    }

    /** Registers a client owned by {@code owner} through its event and waits until it is known here. */
    public static String knownClient(String owner, String legalName) {
        awaitClientConsumer();
        String id = UUID.randomUUID().toString();
        ClientEventsForTests.publishUntilApplied(kafka(), "crm.client.v1", id,
                ClientEventExamples.registered(id, owner, legalName, "POTENTIAL", TestTime.now()),
                () -> as(owner, "crm-sales").get("/api/v1/clients/" + id + "/interactions").statusCode() == 200, WAIT);
        return id;
    }

    /** A minimal valid contact. */
    public static String call(String occurredAt) {
        return """
                {"kind":"PHONE_CALL","occurredAt":"%s","durationMinutes":15,"subject":"回访","outcome":"POSITIVE"}"""
                .formatted(occurredAt);
    }

    /**
     * Every record for {@code client} the reader has seen once all the service committed is on the topic: waits
     * until the outbox is empty, then reads to the topic's end. Counting these shows an event was not repeated.
     */
    public static List<ConsumerRecord<String, String>> allPublishedFor(TopicReader topic, DataSource db, String client) {
        return topic.drainAfterOutbox(db, "interaction.outbox", WAIT).stream().filter(r -> r.key().equals(client)).toList();
    }
}
