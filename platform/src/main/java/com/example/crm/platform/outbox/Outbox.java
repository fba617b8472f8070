package com.example.crm.platform.outbox;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.persistence.BatchedStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Transactional outbox: {@link #append} writes the event in the caller's database transaction, so the
 * event exists if and only if the business change committed. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = """
            insert into outbox (event_id, topic, record_key, event_type, payload)
            values (?, ?, ?, ?, ?::jsonb)""";
    private static final String FORGET_DEAD_LETTERS = "delete from outbox_dead_letter where record_key = ?";

    private final DataSource dataSource;
    private final CloudEvents cloudEvents;
    private final PlatformConfig config;
    private final BatchedStatements statements;

    public Outbox(DataSource dataSource, CloudEvents cloudEvents, PlatformConfig config, BatchedStatements statements) {
        this.dataSource = dataSource;
        this.cloudEvents = cloudEvents;
        this.config = config;
        this.statements = statements;
    }

    /**
     * Appends an event to be published on {@code topic} with the client id as key and subject.
     * Must run inside the transaction that makes the change the event reports. The row is queued in the
     * transaction's JDBC batch ({@link BatchedStatements}: outbox rows commute with every other statement) and sent
     * with the transaction's next batch, at the latest before it commits, in the order appended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String topic, String type, UUID clientId, Object data) {
        CloudEvent event = cloudEvents.create(config.eventSource(), type, clientId.toString(), data);
        statements.add(INSERT, UUID.fromString(event.id()), topic, event.subject(), type, cloudEvents.write(event));
        return event;
    }

    /**
     * Drops the client's dead-lettered events ({@link OutboxRelay}): part of its erasure, since they carry its
     * personal data and can never be published. Must run inside the erasing transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetDeadLetters(UUID clientId) {
        statements.add(FORGET_DEAD_LETTERS, clientId.toString());
    }

    /**
     * A writer for many events in the caller's transaction (a run announcing a million changes): rows go to the
     * database in JDBC batches, so neither the events nor the round trips grow with their number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch batch() {
        try {
            return new Batch(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox", e);
        }
    }

    /** Events appended in JDBC batches of {@value #BATCH_SIZE}; {@link #close} writes the rest. */
    public final class Batch implements AutoCloseable {

        static final int BATCH_SIZE = 500;

        private final Connection connection;
        private final PreparedStatement insert;
        private int pending;

        private Batch(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement(INSERT);
        }

        public CloudEvent add(String topic, String type, UUID clientId, Object data) {
            CloudEvent event = cloudEvents.create(config.eventSource(), type, clientId.toString(), data);
            try {
                insert.setObject(1, UUID.fromString(event.id()));
                insert.setString(2, topic);
                insert.setString(3, event.subject());
                insert.setString(4, type);
                insert.setString(5, cloudEvents.write(event));
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot append event " + type + " to the outbox", e);
            }
            return event;
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() {
            try (connection; insert) {
                flush();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot append events to the outbox", e);
            }
        }
    }
}
