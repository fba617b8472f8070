package com.example.crm.platform.persistence;

import java.sql.SQLException;

/**
 * Whether a failure came from the database being away or short of resources, so that the same work can succeed
 * later: consumers retry it in place, the HTTP API answers 503 with Retry-After instead of 500.
 */
public final class TransientDatabaseFailure {

    private TransientDatabaseFailure() {
    }

    /**
     * The first {@link SQLException} in the chain is a connection failure (08), an operator intervention such as a
     * shutdown (57), a lack of resources (53), a serialisation failure or a deadlock; or carries no SQL state at all,
     * as Agroal's pool acquisition timeout and a closed connection do.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        || state.equals("40001") || state.equals("40P01");
            }
        }
        return false;
    }
}
