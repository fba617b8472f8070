package com.example.crm.segmentation;

import com.example.crm.contract.client.ClientEventExamples;
import com.example.crm.platform.testing.ClientEventsForTests;
import com.example.crm.platform.testing.ConsumerGroups;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import com.example.crm.platform.testing.Tokens;
import com.example.crm.platform.testing.TopicReader;
import com.example.crm.platform.testing.TopicWriter.Record;
import com.example.crm.platform.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection is derived from the topics alone: the same events read again into an empty projection, even in
 * another interleaving of the topics (a replay reads each topic at its own pace), give the same projection and
 * the same classification. Bursts are applied a poll at a time, and a bad record in a burst is dead-lettered alone.
 */
@QuarkusTest
class ProjectionReplayTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String CLIENTS = "crm.client.v1";
    static final String INTERACTIONS = "crm.interaction.v1";
    static final String COMPLAINTS = "crm.complaint.v1";

    @Inject
    DataSource db;

    static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @BeforeEach
    void emptyProjection() {
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", CLIENTS, WAIT);
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", INTERACTIONS, WAIT);
        ConsumerGroups.awaitAssigned(kafka(), "segmentation-service", COMPLAINTS, WAIT);
        Projections.empty(db);
        Sql.update(db, "delete from segmentation.inbox where consumer like 'segmentation-service.%'");
    }

    @Test
    void replaying_every_topic_in_another_interleaving_into_an_empty_projection_gives_the_same_classes() {
        List<Record> history = history();
        publish(history);
        awaitApplied();
        String projection = projection();
        assertThat(Sql.count(db, "select count(*) from segmentation.client_profile where legal_name = '重放大客户公司' "
                + "and status = 'EXISTING'")).isEqualTo(1); // the status change applied
        assertThat(Sql.count(db, "select count(*) from segmentation.client_profile where merged_into is not null")).isEqualTo(1);
        String classes = runAndReadClasses();
        assertThat(classes).contains("|A|KEY|");

        // rebuild: empty projection and inbox, then the interaction and complaint topics first, the cards last; of
        // the cards, the survivor's (its merge included) before the duplicate's registration, as a replay reading
        // the partitions at different paces may deliver them
        Projections.empty(db);
        Sql.update(db, "delete from segmentation.inbox where consumer like 'segmentation-service.%'");
        String survivor = history.get(0).key();
        List<Record> replay = new ArrayList<>(history.stream().filter(e -> !e.topic().equals(CLIENTS)).toList());
        replay.addAll(history.stream().filter(e -> e.topic().equals(CLIENTS) && e.key().equals(survivor)).toList());
        replay.addAll(history.stream().filter(e -> e.topic().equals(CLIENTS) && !e.key().equals(survivor)).toList());
        publish(replay);
        awaitApplied();
        assertThat(projection()).isEqualTo(projection);
        assertThat(runAndReadClasses()).isEqualTo(classes);
    }

    @Test
    void the_same_events_delivered_again_by_a_relay_after_a_crash_change_nothing() {
        List<Record> history = history();
        publish(history);
        awaitApplied();
        String projection = projection();
        publish(history); // a relay republishing everything it sent: every event a second time
        awaitApplied();
        assertThat(projection()).isEqualTo(projection);
    }

    @Test
    void a_bad_record_in_a_burst_is_dead_lettered_alone_and_the_rest_of_the_burst_is_applied() {
        String client = UUID.randomUUID().toString();
        List<Record> burst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            burst.add(new Record(INTERACTIONS, client, order(client, "10.00", 5)));
            if (i == 100) {
                burst.add(new Record(INTERACTIONS, client, "not an event {" + client));
            }
            if (i == 200) { // a valid CloudEvent whose data the projection cannot apply (no currency)
                burst.add(new Record(INTERACTIONS, client, interaction("crm.interaction.order-placed.v1", client, """
                        {"clientId":"%s","orderId":"%s","occurredAt":"%s","amount":"1.00"}"""
                        .formatted(client, UUID.randomUUID(), TestTime.now()))));
            }
        }
        try (TopicReader dlq = TopicReader.fromEnd(kafka(), INTERACTIONS + ".dlq")) {
            publish(burst);
            assertThat(dlq.await(r -> r.value().contains(client), 2, WAIT)).hasSize(2)
                    .anySatisfy(r -> assertThat(r.value()).startsWith("not an event"))
                    .anySatisfy(r -> assertThat(r.value()).contains("\"amount\":\"1.00\""));
        }
        await().atMost(WAIT).until(() -> Sql.count(db, "select count(*) from segmentation.order_fact where client_id = ?",
                UUID.fromString(client)) == 300);
        assertThat(Sql.value(db, "select sum(amount)::text from segmentation.order_fact where client_id = ?",
                UUID.fromString(client))).isEqualTo("3000.0000");
    }

    /** Three clients' lives across the three topics: cards, orders, contacts, an overdue instalment, complaints. */
    private List<Record> history() {
        List<Record> events = new ArrayList<>();
        String big = UUID.randomUUID().toString();
        String small = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        events.add(new Record(CLIENTS, big, ClientEventExamples.registered(big, "rep-r", "重放大客户公司", "INTENDED", TestTime.now())));
        events.add(new Record(CLIENTS, small, ClientEventExamples.registered(small, "rep-r", "重放小客户公司", "EXISTING", TestTime.now())));
        events.add(new Record(CLIENTS, duplicate, ClientEventExamples.registered(duplicate, "rep-r", "重放大客户公司（重复）", "EXISTING", TestTime.now())));
        events.add(new Record(CLIENTS, big, ClientEventsForTests.clientEvent(UUID.randomUUID().toString(),
                "crm.client.status-changed.v1", big, """
                        {"clientId":"%s","version":1,"from":"INTENDED","to":"EXISTING","changedBy":"rep-r","changedAt":"%s"}"""
                        .formatted(big, TestTime.now().minus(40, ChronoUnit.DAYS)))));
        for (int i = 0; i < 6; i++) {
            events.add(new Record(INTERACTIONS, big, order(big, "90000.00", 30 + 20 * i)));
            events.add(new Record(INTERACTIONS, big, contact(big, 10 + 15 * i)));
        }
        events.add(new Record(INTERACTIONS, small, order(small, "1500.00", 200)));
        events.add(new Record(INTERACTIONS, small, order(small, "1200.00", 100)));
        events.add(new Record(INTERACTIONS, duplicate, order(duplicate, "8000.00", 60)));
        events.add(new Record(INTERACTIONS, small, interaction("crm.interaction.payment-overdue.v1", small, """
                {"clientId":"%s","orderId":"%s","instalmentId":"%s","dueOn":"%s","outstanding":"1200.00","currency":"CNY"}"""
                .formatted(small, UUID.randomUUID(), UUID.randomUUID(), TestTime.day(-63)))));
        String complaint = UUID.randomUUID().toString();
        events.add(new Record(COMPLAINTS, small, complaintRecord("crm.complaint.received.v1", small, complaint, "")));
        events.add(new Record(COMPLAINTS, small, complaintRecord("crm.complaint.sla-breached.v1", small, complaint, "")));
        events.add(new Record(CLIENTS, big, ClientEventsForTests.clientEvent(UUID.randomUUID().toString(),
                "crm.client.merged.v1", big, """
                        {"clientId":"%s","version":2,"survivorId":"%s","mergedId":"%s","mergedBy":"rep-r","mergedAt":"%s"}"""
                        .formatted(big, big, duplicate, TestTime.now()))));
        return events;
    }

    private static String order(String client, String amount, int daysAgo) {
        return interaction("crm.interaction.order-placed.v1", client, """
                {"clientId":"%s","orderId":"%s","occurredAt":"%s","amount":"%s","currency":"CNY","lineCount":0,
                 "productCategories":[]}""".formatted(client, UUID.randomUUID(),
                TestTime.now().minus(daysAgo, ChronoUnit.DAYS), amount));
    }

    private static String contact(String client, int daysAgo) {
        return interaction("crm.interaction.contact-logged.v1", client, """
                {"clientId":"%s","interactionId":"%s","kind":"VISIT","direction":"OUTBOUND","occurredAt":"%s",
                 "staffId":"rep-r","attendeeLevel":"SALES","outcome":"POSITIVE","checkedIn":false}"""
                .formatted(client, UUID.randomUUID(), TestTime.now().minus(daysAgo, ChronoUnit.DAYS)));
    }

    private static String interaction(String type, String client, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/interaction-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}""".formatted(UUID.randomUUID(), type, client,
                TestTime.now(), data);
    }

    private static String complaintRecord(String type, String client, String complaint, String extra) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/complaint-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"clientId":"%s","complaintId":"%s","severity":"HIGH","category":"QUALITY",
                         "occurredAt":"%s"%s}}""".formatted(UUID.randomUUID(), type, client, TestTime.now(), client,
                complaint, TestTime.now().minus(3, ChronoUnit.DAYS), extra);
    }

    /** The topics' ends before the last {@link #publish}: what {@link #awaitApplied} waits for is after them. */
    private Map<TopicPartition, Long> published;

    private void publish(List<Record> events) {
        published = ConsumerGroups.endOffsets(kafka(), List.of(CLIENTS, INTERACTIONS, COMPLAINTS));
        try (TopicWriter writer = new TopicWriter(kafka())) {
            writer.sendAll(events);
        }
    }

    /** Everything the last {@link #publish} wrote was processed (its effect, or its dead letter, committed). */
    private void awaitApplied() {
        ConsumerGroups.awaitCaughtUp(kafka(), "segmentation-service", published, WAIT);
    }

    /** Every projection row, in a stable order, as text. */
    private String projection() {
        return (String) Sql.value(db, """
                select concat_ws(E'\\n',
                  (select string_agg(concat_ws('|', client_id, status, owner_id, deleted, merged_into, card_version), ',' order by client_id) from segmentation.client_profile),
                  (select string_agg(concat_ws('|', client_id, amount, ordered_at, cancelled), ',' order by order_id) from segmentation.order_fact),
                  (select string_agg(concat_ws('|', client_id, contacts, last_contact_at, last_outcome), ',' order by client_id) from segmentation.contact_fact),
                  (select string_agg(concat_ws('|', client_id, outstanding), ',' order by instalment_id) from segmentation.overdue_instalment),
                  (select string_agg(concat_ws('|', client_id, open, breached), ',' order by complaint_id) from segmentation.complaint_fact))""");
    }

    private String runAndReadClasses() {
        given().header("Authorization", Tokens.bearer("manager-r", "crm-manager")).contentType(ContentType.JSON)
                .post("/api/v1/runs").then().statusCode(201);
        return (String) Sql.value(db, """
                select string_agg(concat_ws('|', client_id, abc_class, value_tier, churn_risk, churn_score, rfm_r, rfm_f,
                  rfm_m, rfm_segment, ''), ',' order by client_id) from segmentation.classification""");
    }
}
