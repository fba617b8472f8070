package com.example.crm.platform.persistence;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a failure came from the database being away or short of resources, so that the same work can succeed
 * later: consumers retry it in place, the HTTP API answers 503 with Retry-After instead of 500.
 */
public final class TransientDatabaseFailure {

    private TransientDatabaseFailure() {
    }

    /**
     * The first {@link SQLException} behind the failure is a connection failure (08), an operator intervention such
     * as a shutdown (57), a lack of resources (53), a serialisation failure or a deadlock; or carries no SQL state
     * at all, as Agroal's pool acquisition timeout and a closed connection do. A commit that failed that way counts
     * too (the transaction manager's RollbackException carries it as a suppressed XAException): a retry with the
     * same Idempotency-Key settles whether it took effect.
     */
    public static boolean isTransient(Throwable failure) {
        SQLException sql = firstSqlException(failure, new HashSet<>());
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01");
    }

    /** Depth first through causes and suppressed exceptions, each visited once. */
    private static SQLException firstSqlException(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        if (t instanceof SQLException sql) {
            return sql;
        }
        SQLException found = firstSqlException(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            if (found == null) {
                found = firstSqlException(suppressed, seen);
            }
        }
        return found;
    }

    /**
     * What the database said, for a log line: the first {@link SQLException} in the chain with its SQL state
     * (Agroal's acquisition timeout has none), else the innermost cause's message.
     */
    public static String describe(Throwable failure) {
        SQLException sql = firstSqlException(failure, new HashSet<>());
        if (sql != null) {
            return (sql.getSQLState() == null ? "" : "[" + sql.getSQLState() + "] ") + sql.getMessage();
        }
        return rootMessage(failure);
    }

    /** The innermost cause's message, or its class name when it has none (a dead-letter reason, a log line). */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
