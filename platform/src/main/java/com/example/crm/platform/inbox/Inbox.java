package com.example.crm.platform.inbox;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Idempotent consumption: the id of every applied event is recorded in the {@code inbox} table in the
 * same transaction as its effect, so a redelivered event (consumer restart, relay republishing after a
 * crash) is skipped. Records that are not valid events, or whose effect is rejected by the domain, are
 * thrown as {@link UnprocessableEventException}: the channel's dead-letter-queue failure strategy sends
 * them to {@code <topic>.dlq} with the reason in the {@code dead-letter-reason} header and consumption goes
 * on. Transient failures (database unreachable, serialisation conflicts) are retried in place, so an
 * outage delays events but never dead-letters them.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = """
            insert into inbox (consumer, event_id, event_type) values (?, ?, ?)
            on conflict do nothing""";
    private static final long MAX_BACKOFF_MS = 10_000;

    private final DataSource dataSource;
    private final CloudEvents cloudEvents;

    public Inbox(DataSource dataSource, CloudEvents cloudEvents) {
        this.dataSource = dataSource;
        this.cloudEvents = cloudEvents;
    }

    /**
     * Parses {@code payload} and applies {@code effect} once per event id for {@code consumer}.
     *
     * @return whether the effect ran (false for a repeat)
     * @throws UnprocessableEventException for records that must go to the dead-letter topic
     */
    public boolean consume(String consumer, String payload, Consumer<CloudEvent> effect) {
        CloudEvent event;
        try {
            event = cloudEvents.parse(payload);
        } catch (MalformedEventException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
        long backoff = 100;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordFirstDelivery(consumer, event)) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw new UnprocessableEventException(
                            "cannot apply " + event.type() + " " + event.id() + ": " + rootMessage(e), e);
                }
                LOG.warnf("consumer %s: transient failure on event %s, retrying in %d ms: %s",
                        consumer, event.id(), backoff, rootMessage(e));
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

    /** Connection loss, server shutdown, lack of resources, serialisation failures and deadlocks pass. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnprocessableEventException || t instanceof MalformedEventException
                    || t instanceof ConstraintViolationException || t instanceof IllegalArgumentException) {
                return false;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null) {
                    return true; // pool acquisition timeouts and closed connections carry no state
                }
                return state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        || state.equals("40001") || state.equals("40P01");
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
