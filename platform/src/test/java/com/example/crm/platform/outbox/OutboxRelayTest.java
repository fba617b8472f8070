package com.example.crm.platform.outbox;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.testing.KafkaBrokerProcess;
import com.example.crm.platform.testing.PlatformTestDatabase;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestPlatformConfig;
import com.example.crm.platform.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the real PostgreSQL and Kafka: what it publishes, in which order, when the broker is
 * away, and with two relays on one outbox.
 */
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private DataSource db;
    private String topic;
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void migrate() {
        db = PlatformTestDatabase.migrated();
        topic = "platform-test-" + UUID.randomUUID();
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void publishes_committed_events_in_outbox_order_per_key_and_nothing_of_a_rolled_back_transaction() throws Exception {
        startRelay(PlatformTestDatabase.kafka());
        try (TopicReader reader = TopicReader.fromEnd(PlatformTestDatabase.kafka(), topic)) {
            List<String> keys = List.of("client-a", "client-b", "client-c");
            for (int n = 0; n < 40; n++) {
                List<String[]> rows = new ArrayList<>();
                for (String key : keys) {
                    rows.add(new String[]{key, "{\"n\":" + n + "}"});
                }
                append(rows, true);
            }
            append(List.of(new String[]{"rolled-back", "{\"n\":0}"}, new String[]{"client-a", "{\"n\":999}"}), false);
            List<String> allKeys = new ArrayList<>(keys);
            allKeys.add("rolled-back");
            awaitMarkers(reader, allKeys);
            for (String key : keys) {
                List<Integer> order = reader.seen().stream().filter(r -> r.key().equals(key) && !isMarker(r))
                        .map(r -> Integer.parseInt(r.value().replaceAll("\\D", ""))).toList();
                assertThat(order).as("events of %s in outbox order", key)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
            }
            assertThat(reader.seen()).noneMatch(r -> r.key().equals("rolled-back") && !isMarker(r));
            assertThat(Sql.count(db, "select count(*) from outbox")).isZero();
        }
    }

    @Test
    void writes_succeed_while_the_broker_is_down_and_every_event_arrives_once_after_it_returns() throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(19192)) {
            broker.start();
            startRelay(broker.bootstrapServers());
            Set<String> written = new HashSet<>();
            try (TopicReader reader = TopicReader.fromEnd(broker.bootstrapServers(), topic)) {
                written.addAll(appendMany(50));
                reader.await(r -> true, 50, WAIT);
            }

            broker.stop();
            written.addAll(appendMany(150));
            assertThat(Sql.count(db, "select count(*) from outbox"))
                    .as("events wait in the outbox while the broker is away").isGreaterThanOrEqualTo(150);

            broker.start();
            try (TopicReader reader = TopicReader.fromBeginning(broker.bootstrapServers(), topic)) {
                // everything: the outbox emptied, then the topic read to its end (a duplicate may follow the 200th)
                List<ConsumerRecord<String, String>> all = reader.drainAfterOutbox(db, "outbox", WAIT);
                List<String> ids = all.stream().map(ConsumerRecord::value).toList();
                assertThat(new HashSet<>(ids)).containsExactlyInAnyOrderElementsOf(written);
                assertThat(ids).as("each event once").doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void two_relays_on_one_outbox_publish_each_event_once() throws Exception {
        startRelay(PlatformTestDatabase.kafka());
        startRelay(PlatformTestDatabase.kafka());
        try (TopicReader reader = TopicReader.fromEnd(PlatformTestDatabase.kafka(), topic)) {
            Set<String> written = new HashSet<>(appendMany(600));
            awaitMarkers(reader, java.util.stream.IntStream.range(0, 10).mapToObj(i -> "client-" + i).toList());

            List<String> values = reader.seen().stream().filter(r -> !isMarker(r)).map(ConsumerRecord::value).toList();
            assertThat(values).doesNotHaveDuplicates();
            assertThat(new HashSet<>(values)).isEqualTo(written);
        }
    }

    @Test
    void moves_an_event_too_large_for_the_broker_to_the_dead_letters_instead_of_stopping_every_event_after_it()
            throws Exception {
        startRelay(PlatformTestDatabase.kafka());
        try (TopicReader reader = TopicReader.fromEnd(PlatformTestDatabase.kafka(), topic)) {
            // above the producer's max.request.size (1 MiB), between two ordinary events of the same client
            String tooLarge = "{\"blob\": \"" + "x".repeat(1_200_000) + "\"}";
            append(List.of(new String[]{"client-a", "{\"n\": 1}"}, new String[]{"client-a", tooLarge},
                    new String[]{"client-a", "{\"n\": 3}"}), true);
            awaitMarkers(reader, List.of("client-a"));

            assertThat(reader.seen()).filteredOn(r -> !isMarker(r)).extracting(ConsumerRecord::value)
                    .as("the events before and after it, once each, in order").containsExactly("{\"n\": 1}", "{\"n\": 3}");
            assertThat(Sql.count(db, "select count(*) from outbox")).isZero();
            assertThat(Sql.value(db, "select reason from outbox_dead_letter where record_key = 'client-a' and topic = ?"
                    + " and length(payload::text) > 1000000", topic)).asString().contains("RecordTooLargeException");
            assertThat(meters.get("crm.outbox.dead-lettered").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void a_record_refused_before_sending_stops_its_batch_and_what_the_broker_acknowledged_before_it_is_not_sent_again()
            throws Exception {
        startRelay(PlatformTestDatabase.kafka());
        try (TopicReader reader = TopicReader.fromEnd(PlatformTestDatabase.kafka(), topic)) {
            // the producer refuses a record for a topic it cannot resolve before sending anything: a state of the
            // deployment, not of the record, so it is retried and the record behind it must not overtake it
            String unresolvable = "no such topic!";
            append(List.of(new String[]{"client-a", "{\"n\": 1}"}, new String[]{"client-a", "{\"n\": 2}", unresolvable},
                    new String[]{"client-a", "{\"n\": 3}"}), true);
            reader.await(r -> true, 1, WAIT);
            await().atMost(WAIT).until(() -> meters.get("crm.outbox.failed-batches").counter().count() >= 3);
            assertThat(reader.drainToEnd(WAIT)).extracting(ConsumerRecord::value).as("the topic after three batches tried")
                    .containsExactly("{\"n\": 1}");
            assertThat(Sql.count(db, "select count(*) from outbox")).isEqualTo(2);

            Sql.update(db, "update outbox set topic = ? where topic = ?", topic, unresolvable); // the deployment fixed
            awaitMarkers(reader, List.of("client-a"));
            assertThat(reader.seen()).filteredOn(r -> !isMarker(r)).extracting(ConsumerRecord::value)
                    .containsExactly("{\"n\": 1}", "{\"n\": 2}", "{\"n\": 3}");
        }
    }

    @Test
    void rows_a_killed_relay_had_published_but_not_deleted_are_not_published_again() throws Exception {
        try (TopicReader reader = TopicReader.fromEnd(PlatformTestDatabase.kafka(), topic)) {
            // a relay marked four rows, the broker acknowledged three of them, and it was killed before its delete
            append(List.of(new String[]{"client-a", "{\"n\": 1}"}, new String[]{"client-a", "{\"n\": 2}"},
                    new String[]{"client-b", "{\"n\": 3}"}, new String[]{"client-a", "{\"n\": 4}"}), true);
            Sql.update(db, "update outbox set sent_at = now()");
            try (Producer<String, String> killed = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestDatabase.kafka(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (int i = 0; i < 3; i++) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, i == 2 ? "client-b" : "client-a",
                            "{\"n\": " + (i + 1) + "}");
                    record.headers().add(OutboxRelay.SEQ_HEADER,
                            (config().schema() + "/" + Sql.count(db, "select seq from outbox order by seq offset ?", i)).getBytes(StandardCharsets.UTF_8));
                    killed.send(record).get();
                }
            }

            startRelay(PlatformTestDatabase.kafka());
            awaitMarkers(reader, List.of("client-a", "client-b"));
            assertThat(reader.seen()).filteredOn(r -> !isMarker(r)).extracting(ConsumerRecord::value)
                    .as("the three acknowledged events once, the fourth sent by the new relay")
                    .containsExactlyInAnyOrder("{\"n\": 1}", "{\"n\": 2}", "{\"n\": 3}", "{\"n\": 4}");
            assertThat(Sql.count(db, "select count(*) from outbox")).isZero();
            assertThat(meters.get("crm.outbox.found-published").counter().count()).isEqualTo(3);
        }
    }

    /**
     * Appends a marker event for each key and waits for all of them: a key's events are in one partition, in
     * order, so once its marker is read every earlier event of that key has been read too.
     */
    private void awaitMarkers(TopicReader reader, List<String> keys) throws SQLException {
        append(keys.stream().map(key -> new String[]{key, "{\"marker\": true}"}).toList(), true);
        reader.await(OutboxRelayTest::isMarker, keys.size(), WAIT);
    }

    private static boolean isMarker(ConsumerRecord<String, String> record) {
        return record.value().contains("marker");
    }

    /** Appends {@code count} events (keys spread over 10 clients, 20 per transaction); returns their payloads. */
    private List<String> appendMany(int count) throws SQLException {
        List<String> payloads = new ArrayList<>();
        List<String[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = "{\"id\": \"" + UUID.randomUUID() + "\"}"; // as jsonb prints it
            payloads.add(payload);
            batch.add(new String[]{"client-" + (i % 10), payload});
            if (batch.size() == 20 || i == count - 1) {
                append(batch, true);
                batch = new ArrayList<>();
            }
        }
        return payloads;
    }

    /** Appends rows of {key, payload} or {key, payload, topic} (default: the test's topic) in one transaction. */
    private void append(List<String[]> rows, boolean commit) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(Outbox.INSERT)) {
                for (String[] row : rows) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, row.length > 2 ? row[2] : topic);
                    insert.setString(3, row[0]);
                    insert.setString(4, "crm.test.happened.v1");
                    insert.setString(5, row[1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    private void startRelay(String bootstrapServers) {
        OutboxRelay relay = new OutboxRelay(db, config(), meters, Map.of("bootstrap.servers", bootstrapServers),
                PlatformTestDatabase.jdbcUrl(), Optional.of(PlatformTestDatabase.USER),
                Optional.of(PlatformTestDatabase.PASSWORD));
        relay.start();
        relays.add(relay);
    }

    private static PlatformConfig config() {
        return TestPlatformConfig.with("crm.outbox.batch-size", "100", "crm.outbox.poll-interval", "500ms",
                "crm.outbox.retry-backoff", "200ms");
    }

}
