package com.example.crm.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Statements of the current transaction sent to PostgreSQL in JDBC batches (one round trip for many rows), for
 * consumers applying a poll of events in one transaction. {@link #add} queues a statement that commutes with every
 * other queued one (keyed inserts, upserts of independent rows), so statements of one SQL text can go together;
 * {@link #now} is for the others: it sends everything queued, then runs its own statement. What is still queued is
 * sent by {@link #flush} and, at the latest, before the transaction commits. Written here because JPA has no batch
 * for native statements and Hibernate batches only entity writes.
 */
@ApplicationScoped
public class BatchedStatements {

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public BatchedStatements(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Queues a statement that commutes with the other queued ones. */
    public void add(String sql, Object... parameters) {
        try {
            Pending pending = pending();
            PreparedStatement statement = pending.statement(sql);
            bind(statement, parameters);
            statement.addBatch();
            pending.queued.add(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue statement: " + e.getMessage(), e);
        }
    }

    /** Sends what is queued, then runs this statement; the number of rows it changed. */
    public int now(String sql, Object... parameters) {
        Pending pending = pending();
        try {
            pending.flush();
            PreparedStatement statement = pending.statement(sql);
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + e.getMessage(), e);
        }
    }

    /** Sends what is queued in this transaction (nothing when nothing is). */
    public void flush() {
        Pending pending = (Pending) transactions.getResource(this);
        if (pending != null) {
            try {
                pending.flush();
            } catch (SQLException e) {
                throw new IllegalStateException("batched statements failed: " + e.getMessage(), e);
            }
        }
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(this);
        if (pending == null) {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("batched statements need an active transaction");
            }
            try {
                pending = new Pending(dataSource.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("no connection for batched statements", e);
            }
            transactions.putResource(this, pending);
            Pending registered = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    try {
                        registered.flush();
                    } catch (SQLException e) {
                        throw new IllegalStateException("batched statements failed: " + e.getMessage(), e);
                    } finally {
                        // the handle goes before the commit (the physical connection stays enlisted until then)
                        registered.close();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    registered.close(); // after a rollback, beforeCompletion did not run
                }
            });
        }
        return pending;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
    }

    /** The statements of one transaction, by SQL text, in the order they were first used. */
    private static final class Pending {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
        private final Set<PreparedStatement> queued = new LinkedHashSet<>();
        private boolean closed;

        Pending(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : queued) {
                statement.executeBatch();
            }
            queued.clear();
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // the connection goes back to the pool with the transaction
                }
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // as above
            }
        }
    }
}
