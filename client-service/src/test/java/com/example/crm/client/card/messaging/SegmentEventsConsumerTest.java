package com.example.crm.client.card.messaging;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.TopicReader;
import com.example.crm.platform.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Classifications from crm.segment.v1 reach the card once per event id; records that are not valid events go
 * to crm.segment.v1.dlq with the reason, and consumption goes on.
 */
@QuarkusTest
class SegmentEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_redelivered_event_id_is_applied_once_and_an_older_runs_classification_never_replaces_a_newer_one() {
        String id = register("rep-segment", company("分级客户有限公司"));
        String eventId = UUID.randomUUID().toString();
        Instant computed = TestTime.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        try (TopicWriter writer = new TopicWriter(kafka)) {
            writer.send("crm.segment.v1", id, classified(eventId, id, "A", "KEY", "LOW", computed));
            awaitSegment(id, "A", "KEY");

            // the same event id again with other content and the newest time of all: a repeat, skipped (applied,
            // it would win over every later event below)
            writer.send("crm.segment.v1", id, classified(eventId, id, "C", "ORDINARY", "HIGH", computed.plus(Duration.ofHours(1))));
            writer.send("crm.segment.v1", id, classified(UUID.randomUUID().toString(), id, "A", "KEY", "HIGH",
                    computed.plusSeconds(120)));
            // an older run's classification arriving last does not win
            String older = UUID.randomUUID().toString();
            writer.send("crm.segment.v1", id, classified(older, id, "B", "ORDINARY", "MEDIUM", computed.plusSeconds(60)));
            await().atMost(WAIT).until(() -> Sql.count(dataSource, "select count(*) from client.inbox where event_id = ?",
                    UUID.fromString(older)) == 1);
        }
        as("rep-segment", "crm-sales").get(CLIENTS + "/" + id).then()
                .body("segment.abcClass", equalTo("A"))
                .body("segment.valueTier", equalTo("KEY"))
                .body("segment.churnRisk", equalTo("HIGH"))
                .body("segment.computedAt", equalTo(computed.plusSeconds(120).toString()));
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_with_its_reason_and_consumption_continues() {
        String id = register("rep-segment-2", company("死信测试有限公司"));
        try (TopicReader dlq = TopicReader.fromEnd(kafka, "crm.segment.v1.dlq");
             TopicWriter writer = new TopicWriter(kafka)) {
            writer.send("crm.segment.v1", id, "{ this is not json");
            writer.send("crm.segment.v1", id, classified(UUID.randomUUID().toString(), id, "Z", "KEY", "LOW", TestTime.now()));
            writer.send("crm.segment.v1", id, classified(UUID.randomUUID().toString(), id, "B", "ORDINARY", "LOW",
                    TestTime.now().minus(Duration.ofDays(30))));

            var dead = dlq.await(r -> id.equals(r.key()), 2, WAIT);
            assertThat(dead).extracting(ConsumerRecord::value).first().isEqualTo("{ this is not json");
            assertThat(dead).allSatisfy(r -> assertThat(reason(r)).isNotBlank());
            assertThat(reason(dead.get(0))).contains("not JSON");
            assertThat(reason(dead.get(1))).contains("abcClass");
        }
        awaitSegment(id, "B", "ORDINARY");
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void awaitSegment(String id, String abcClass, String tier) {
        await().atMost(WAIT).untilAsserted(() -> as("rep-any", "crm-manager").get(CLIENTS + "/" + id).then()
                .body("segment.abcClass", equalTo(abcClass)).body("segment.valueTier", equalTo(tier)));
    }

    static String classified(String eventId, String clientId, String abc, String tier, String risk, Instant computedAt) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/segmentation-service",
                 "type":"crm.segment.client-classified.v1","subject":"%s","time":"%s",
                 "datacontenttype":"application/json",
                 "data":{"clientId":"%s","abcClass":"%s","valueTier":"%s","churnRisk":"%s","churnScore":42,
                         "rfm":"555","runId":"%s","computedAt":"%s"}}"""
                .formatted(eventId, clientId, computedAt, clientId, abc, tier, risk, UUID.randomUUID(), computedAt);
    }
}
