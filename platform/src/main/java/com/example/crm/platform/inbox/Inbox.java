package com.example.crm.platform.inbox;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.example.crm.platform.persistence.BatchedStatements;
import com.example.crm.platform.persistence.TransientDatabaseFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Idempotent consumption: the id of every applied event is recorded in the {@code inbox} table in the
 * same transaction as its effect, so a redelivered event (consumer restart, relay republishing after a
 * crash) is skipped. Records that are not valid events, or whose effect is rejected by the domain, are
 * nacked with an {@link UnprocessableEventException}: the channel's dead-letter-queue failure strategy sends
 * them to {@code <topic>.dlq} with the reason in the {@code dead-letter-reason} header and consumption goes
 * on. Transient failures (database unreachable, serialisation conflicts) are retried in place, so an
 * outage delays events but never dead-letters them.
 *
 * <p>{@link #consumeBatch} applies a whole poll of records in one transaction (one commit instead of one per
 * event, for consumers that must keep up with bursts and replays); a record that cannot be applied makes the
 * batch fall back to one transaction per event, so only that record is dead-lettered. Statements the effects queue
 * in {@link BatchedStatements} are sent before the transaction commits, inside this failure handling.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = """
            insert into inbox (consumer, event_id, event_type) values (?, ?, ?)
            on conflict do nothing""";
    private static final String RECORD_BATCH = """
            insert into inbox (consumer, event_id, event_type)
            select ?, id, type from unnest(?::uuid[], ?::text[]) as e(id, type)
            on conflict do nothing returning event_id""";
    private static final long MAX_BACKOFF_MS = 10_000;

    private final DataSource dataSource;
    private final CloudEvents cloudEvents;
    private final BatchedStatements statements;

    public Inbox(DataSource dataSource, CloudEvents cloudEvents, BatchedStatements statements) {
        this.dataSource = dataSource;
        this.cloudEvents = cloudEvents;
        this.statements = statements;
    }

    /**
     * Applies a poll of records: every event not applied before, in the batch's order (per partition, so per
     * client), in one transaction with their inbox rows. Records that are not events, and events whose effect is
     * rejected, are dead-lettered one by one ({@link KafkaRecord#nack}: the channel's dead-letter-queue strategy);
     * the rest is applied. The batch is acknowledged once all of that is done.
     *
     * @return the acknowledgement of the batch
     */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<String, String> batch,
                                              Consumer<CloudEvent> effect) {
        return consumeBatch(consumer, batch, events -> {
        }, effect);
    }

    /**
     * As {@link #consumeBatch(String, KafkaRecordBatch, Consumer)}, with {@code beforeEffects} called in each
     * transaction with the events it is about to apply, before the first effect (to take locks, for instance).
     */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<String, String> batch,
                                              Consumer<List<CloudEvent>> beforeEffects, Consumer<CloudEvent> effect) {
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(cloudEvents.parse(record.getPayload()));
                records.add(record);
            } catch (MalformedEventException e) {
                deadLetters.add(record.nack(new UnprocessableEventException(e.getMessage(), e)).toCompletableFuture());
            }
        }
        if (!events.isEmpty()) {
            try {
                retryingTransient(consumer, "batch of " + events.size(), () -> {
                    QuarkusTransaction.requiringNew().run(() -> {
                        beforeEffects.accept(events);
                        applyFirstDeliveries(consumer, events, effect);
                    });
                    return true;
                }, e -> new UnprocessableEventException(TransientDatabaseFailure.rootMessage(e), e));
            } catch (UnprocessableEventException batchRejected) {
                LOG.infof("consumer %s: a batch of %d events was rejected (%s); applying them one at a time",
                        consumer, events.size(), batchRejected.getMessage());
                for (int i = 0; i < events.size(); i++) {
                    CloudEvent event = events.get(i);
                    try {
                        consume(consumer, event, e -> {
                            beforeEffects.accept(List.of(e));
                            effect.accept(e);
                        });
                    } catch (UnprocessableEventException rejected) {
                        deadLetters.add(records.get(i).nack(rejected).toCompletableFuture());
                    }
                }
            }
        }
        CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    private boolean consume(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        return retryingTransient(consumer, event.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!recordFirstDelivery(consumer, event)) {
                return false;
            }
            effect.accept(event);
            statements.flush(); // what the effect queued fails here, as the effect's own failure
            return true;
        }), e -> new UnprocessableEventException(
                "cannot apply " + event.type() + " " + event.id() + ": " + TransientDatabaseFailure.rootMessage(e), e));
    }

    /** Records the batch's event ids at once and applies the events whose id was not recorded before. */
    private void applyFirstDeliveries(String consumer, List<CloudEvent> events, Consumer<CloudEvent> effect) {
        Map<UUID, CloudEvent> byId = new LinkedHashMap<>();
        for (CloudEvent event : events) {
            byId.putIfAbsent(UUID.fromString(event.id()), event); // a republished event twice in one poll
        }
        Set<UUID> first = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RECORD_BATCH)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", byId.keySet().toArray()));
            insert.setArray(3, connection.createArrayOf("text", byId.values().stream().map(CloudEvent::type).toArray()));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot record a batch of " + byId.size() + " events in the inbox", e);
        }
        byId.forEach((id, event) -> {
            if (first.contains(id)) {
                effect.accept(event);
            }
        });
        statements.flush(); // what the effects queued fails here, as a failure of the batch
    }

    /** Runs {@code work}, retrying transient failures with a backoff; other failures become {@code rejected}. */
    private <T> T retryingTransient(String consumer, String what, Supplier<T> work,
                                    Function<RuntimeException, UnprocessableEventException> rejected) {
        long backoff = 100;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw rejected.apply(e);
                }
                LOG.warnf("consumer %s: transient failure on %s, retrying in %d ms: %s",
                        consumer, what, backoff, TransientDatabaseFailure.describe(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private boolean recordFirstDelivery(String consumer, CloudEvent event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setObject(2, UUID.fromString(event.id()));
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("cannot record event " + event.id() + " in the inbox", e);
        }
    }

    /** Database outages and lack of resources pass ({@link TransientDatabaseFailure}); a bad record never does. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnprocessableEventException || t instanceof MalformedEventException
                    || t instanceof ConstraintViolationException || t instanceof IllegalArgumentException) {
                return false;
            }
        }
        return TransientDatabaseFailure.isTransient(failure);
    }
}
