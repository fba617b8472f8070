package com.example.crm.platform.outbox;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.KafkaClientSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Publishes outbox rows to Kafka, in outbox order, and deletes them only after the broker acknowledged
 * them (acks=all, idempotent producer): events are never lost.
 *
 * <p>A relay killed between the broker's acknowledgement and its delete leaves published rows behind. To not publish
 * them again, each row is marked ({@code sent_at}, committed) before it is first handed to the producer, and every
 * record carries the header {@value #SEQ_HEADER} ({@code <schema>/<seq>}). A batch holding marked rows first reads
 * the topics' partitions from shortly before the earliest mark ({@link #findPublished}) and deletes the rows found
 * there without sending them. A record a failed producer still delivers after that look can be duplicated, and so
 * can a batch whose marks a database crash lost before they were flushed ({@code synchronous_commit = off}):
 * consumers still drop repeats by event id, but integrators reading the topics see none from a relay's crash.
 *
 * <p>One relay at a time works on a schema's outbox: each batch runs in a transaction holding a
 * transaction-scoped advisory lock, so replicas of a service never publish the same rows and per-key
 * order is kept across replicas. The relay sleeps on PostgreSQL {@code LISTEN} (a trigger on the outbox
 * notifies at commit) and polls every {@code crm.outbox.poll-interval} in case a notification is missed.
 *
 * <p>A row the broker can never take (larger than {@code max.request.size} or the topic's message limit) is moved to
 * {@code outbox_dead_letter} with the reason, logged as an error and counted ({@code crm.outbox.dead-lettered}):
 * retrying it would stop every later event of the service for good.
 *
 * <p>About 500 lines, deliberately in one class: publishing, marking, finding rows already published and dead-lettering
 * share the batch's transaction, its lock and one producer, and their order is what makes "never lost, not repeated"
 * hold; read apart, each part would hide the invariant it keeps.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Header of every published record: the outbox row it came from, {@code <schema>/<seq>}. */
    static final String SEQ_HEADER = "crm-outbox-seq";
    /** How far before the earliest mark a relay looks for already published rows (clock skew, producer batching). */
    private static final Duration LOOK_BACK = Duration.ofSeconds(30);

    private static final String SELECT_BATCH = """
            select seq, topic, record_key, payload::text, created_at, sent_at
            from outbox order by seq limit ?""";
    private static final String MARK_SENT = "update outbox set sent_at = now() where seq = any(?) and sent_at is null";
    private static final String DELETE_BATCH = "delete from outbox where seq = any(?)";
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(hashtext(?))";
    private static final String DEAD_LETTER = """
            with moved as (delete from outbox where seq = ?
                           returning seq, event_id, topic, record_key, event_type, payload, created_at)
            insert into outbox_dead_letter (seq, event_id, topic, record_key, event_type, payload, created_at, reason)
            select seq, event_id, topic, record_key, event_type, payload, created_at, ? from moved""";

    private final DataSource dataSource;
    private final PlatformConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String jdbcUrl;
    private final Optional<String> jdbcUser;
    private final Optional<String> jdbcPassword;
    private final Timer lagTimer;
    private final Counter published;
    private final Counter deadLettered;
    private final Counter failedBatches;
    private final Counter foundPublished;

    private volatile boolean running;
    private Thread thread;
    private Producer<String, String> producer;
    private Connection listenConnection;

    public OutboxRelay(DataSource dataSource, PlatformConfig config, MeterRegistry registry,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> jdbcUser,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> jdbcPassword) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.lagTimer = Timer.builder("crm.outbox.publish.lag")
                .description("Time from the outbox write to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.published = Counter.builder("crm.outbox.published")
                .description("Events published from the outbox")
                .register(registry);
        this.deadLettered = Counter.builder("crm.outbox.dead-lettered")
                .description("Outbox rows the broker can never take, moved to outbox_dead_letter")
                .register(registry);
        this.failedBatches = Counter.builder("crm.outbox.failed-batches")
                .description("Batches not (or not wholly) published, their rows retried in order")
                .register(registry);
        this.foundPublished = Counter.builder("crm.outbox.found-published")
                .description("Rows a previous relay had published without deleting them, found on the topic and not sent again")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        producer = createProducer();
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the batch in flight has been acknowledged or rolled back. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(35));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeListenConnection();
        producer.close(Duration.ofSeconds(5));
    }

    private void run() {
        long backoff = config.outbox().retryBackoff().toMillis();
        long failures = 0;
        while (running) {
            try {
                int count = publishBatch();
                failures = 0;
                if (count < config.outbox().batchSize()) {
                    awaitNotification();
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                failures++;
                failedBatches.increment();
                discardUnsentRecords();
                long wait = Math.min(backoff << Math.min(failures - 1, 10), backoff * 10);
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warnf("outbox relay: publishing failed (%d in a row), retrying in %d ms: %s",
                            failures, wait, e.toString());
                }
                sleep(wait);
            }
        }
    }

    /** An outbox row of the batch; {@code sentAt} null when no relay has handed it to a producer yet. */
    private record Row(long seq, String topic, String key, String payload, Instant createdAt, Instant sentAt) {
    }

    /** An outbox row handed to the producer, with the acknowledgement to wait for. */
    private record Sent(long seq, String topic, Instant createdAt, Future<RecordMetadata> ack) {
    }

    /** A row moved to the dead letters, and why the broker can never take it. */
    private record DeadLetter(long seq, String topic, String reason) {
    }

    /**
     * What a batch did: the rows the broker acknowledged (deleted), those it can never take (moved to the dead
     * letters), and the first failure of the others.
     */
    private record BatchResult(int published, List<DeadLetter> deadLetters, Exception failure) {
    }

    /**
     * Publishes one batch; returns how many rows it settled, published or dead-lettered (0 when another replica holds
     * the lock). When some
     * records of it failed, the acknowledged ones are deleted all the same (publishing them again would duplicate
     * them) and the failure is thrown after that commit; the others stay and go out again.
     */
    int publishBatch() throws Exception {
        BatchResult result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                result = publishBatch(connection);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
        if (!result.deadLetters().isEmpty()) {
            for (DeadLetter row : result.deadLetters()) {
                LOG.errorf("outbox relay: the event in outbox row %d (topic %s) can never be published, moved to "
                        + "outbox_dead_letter: %s", row.seq(), row.topic(), row.reason());
            }
            deadLettered.increment(result.deadLetters().size());
        }
        if (result.failure() != null) {
            throw result.failure(); // the retry loop replaces the producer
        }
        if (!result.deadLetters().isEmpty()) {
            discardUnsentRecords(); // a refusal by the broker may leave the idempotent producer's sequence behind
        }
        return result.published() + result.deadLetters().size();
    }

    private BatchResult publishBatch(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            // a delete lost in a database crash leaves acknowledged, marked rows that the next batch finds on
            // their topic, so the relay's commits need not wait for the WAL flush
            statement.execute("set local synchronous_commit = off");
        }
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
            lock.setString(1, "crm.outbox." + config.schema());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new BatchResult(0, List.of(), null);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp sentAt = rs.getTimestamp(6);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), sentAt == null ? null : sentAt.toInstant()));
                }
            }
        }
        Set<Long> publishedBefore = findPublished(rows.stream().filter(row -> row.sentAt() != null).toList());
        markSent(rows.stream().filter(row -> row.sentAt() == null).map(Row::seq).toList());
        List<Sent> sent = new ArrayList<>();
        for (Row row : rows) {
            if (publishedBefore.contains(row.seq())) {
                continue;
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add(SEQ_HEADER, (config.schema() + "/" + row.seq()).getBytes(StandardCharsets.UTF_8));
            Future<RecordMetadata> ack = producer.send(record);
            sent.add(new Sent(row.seq(), row.topic(), row.createdAt(), ack));
            Throwable refusal = refusalBeforeSending(ack);
            if (refusal != null && !neverDeliverable(refusal)) {
                break; // e.g. no metadata while the broker is away: the rest would overtake this record
            }
        }
        List<Long> acknowledged = new ArrayList<>(publishedBefore);
        List<DeadLetter> deadLetters = new ArrayList<>();
        Exception failure = null;
        for (Sent row : sent) {
            try {
                row.ack().get();
                acknowledged.add(row.seq());
                lagTimer.record(Duration.between(row.createdAt(), Instant.now()));
            } catch (ExecutionException e) {
                if (neverDeliverable(e.getCause())) {
                    deadLetters.add(new DeadLetter(row.seq(), row.topic(), e.getCause().toString()));
                } else {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_BATCH)) {
                delete.setArray(1, connection.createArrayOf("bigint", acknowledged.toArray()));
                delete.executeUpdate();
            }
            published.increment(acknowledged.size() - publishedBefore.size());
            foundPublished.increment(publishedBefore.size());
        }
        if (!deadLetters.isEmpty()) {
            try (PreparedStatement move = connection.prepareStatement(DEAD_LETTER)) {
                for (DeadLetter row : deadLetters) {
                    move.setLong(1, row.seq());
                    move.setString(2, row.reason());
                    move.addBatch();
                }
                move.executeBatch();
            }
        }
        return new BatchResult(acknowledged.size(), deadLetters, failure);
    }

    /**
     * Marks rows as handed to a producer, committed before they are: in a transaction of its own, since the batch's
     * transaction commits only after the acknowledgements. The batch reads no row for update, so nothing waits.
     */
    private void markSent(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                statement.execute("set local synchronous_commit = off");
                mark.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                mark.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Which of these marked rows are already on their topics: reads every partition of the topics from
     * {@link #LOOK_BACK} before the earliest mark to the end and collects the {@value #SEQ_HEADER} headers of this
     * schema. Runs only after a relay stopped between sending and deleting, so the read is rare and short.
     */
    private Set<Long> findPublished(List<Row> marked) throws TimeoutException {
        if (marked.isEmpty()) {
            return Set.of();
        }
        long since = marked.stream().map(Row::sentAt).min(Instant::compareTo).orElseThrow().minus(LOOK_BACK).toEpochMilli();
        Set<Long> candidates = marked.stream().map(Row::seq).collect(Collectors.toSet());
        String prefix = config.schema() + "/";
        Set<Long> found = new HashSet<>();
        Duration timeout = Duration.ofSeconds(30);
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClientSettings.of(kafkaConfig,
                ConsumerConfig.configNames(), Map.of(
                        ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-check-" + config.schema(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (String topic : marked.stream().map(Row::topic).collect(Collectors.toSet())) {
                for (PartitionInfo partition : consumer.partitionsFor(topic, timeout)) {
                    starts.put(new TopicPartition(topic, partition.partition()), since);
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(starts.keySet(), timeout);
            Map<TopicPartition, Long> from = new HashMap<>();
            consumer.offsetsForTimes(starts, timeout).forEach((partition, offset) -> {
                if (offset != null && offset.offset() < ends.get(partition)) {
                    from.put(partition, offset.offset());
                }
            });
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(timeout);
            while (from.keySet().stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("reading the topics for rows already published took over " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader(SEQ_HEADER);
                    String value = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
                    if (value.startsWith(prefix)) {
                        found.add(Long.parseLong(value.substring(prefix.length())));
                    }
                }
            }
        }
        found.retainAll(candidates);
        return found;
    }

    /** Why the producer refused the record at once (its future failed before anything was sent), else null. */
    private static Throwable refusalBeforeSending(Future<RecordMetadata> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * A refusal of this record itself that no retry overcomes: too large for the producer or the topic, or a record
     * the broker rejects as invalid. Everything else (no broker, no leader, timeouts, a topic that does not exist or
     * may not be written) concerns every row alike and is retried, the rows staying in order.
     */
    private static boolean neverDeliverable(Throwable refusal) {
        return refusal instanceof RecordTooLargeException || refusal instanceof InvalidRecordException;
    }

    /**
     * After a failed batch (its rows stay in the outbox and go out again) no record of it may still reach the
     * broker later: records the producer accepted before the failure would otherwise be delivered once the broker
     * returns and then again with the retried batch. Closing without waiting fails them; a new producer follows.
     */
    private void discardUnsentRecords() {
        try {
            producer.close(Duration.ZERO);
        } catch (Exception e) {
            LOG.debug("closing the failed producer", e);
        }
        producer = createProducer();
    }

    private void awaitNotification() {
        long timeout = config.outbox().pollInterval().toMillis();
        try {
            if (listenConnection == null || listenConnection.isClosed()) {
                listenConnection = DriverManager.getConnection(jdbcUrl, jdbcUser.orElse(null), jdbcPassword.orElse(null));
                try (Statement listen = listenConnection.createStatement()) {
                    listen.execute("listen outbox_" + config.schema());
                }
            }
            listenConnection.unwrap(PGConnection.class).getNotifications((int) timeout);
        } catch (SQLException e) {
            closeListenConnection(); // database away: poll until it is back
            sleep(timeout);
        }
    }

    private synchronized void closeListenConnection() {
        if (listenConnection != null) {
            try {
                listenConnection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            listenConnection = null;
        }
    }

    /**
     * A producer with every {@code kafka.*} setting of the service (bootstrap servers, and in a cluster the
     * SASL/TLS settings: the relay connects like the channels do) and the relay's own delivery guarantees on top.
     */
    private Producer<String, String> createProducer() {
        return new KafkaProducer<>(KafkaClientSettings.of(kafkaConfig, ProducerConfig.configNames(), Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.schema(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
