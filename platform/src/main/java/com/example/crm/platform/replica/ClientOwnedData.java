package com.example.crm.platform.replica;

import java.util.Set;
import java.util.UUID;

/**
 * Records of a service that belong to a client: each feature that keeps such records provides one bean, and the
 * service's client replica calls every one of them, so a new per-client table takes part in merges and erasures by
 * providing (or extending) its bean. All run inside the transaction applying the client event; a bean that
 * changes entities flushes them before it returns, because the table statements of {@link ClientOwnedTables} run
 * after it, beside the session.
 */
public interface ClientOwnedData {

    /** A duplicate was merged into a survivor: its records become the survivor's. */
    void moveToClient(UUID mergedId, UUID survivorId);

    /** The client was erased: personal data in these records is scrubbed, figures stay. */
    void scrub(UUID clientId);

    /**
     * The client has another owner ({@code to} is null when it went back to a pool): records that follow the owner
     * (e.g. open visit plans) are handed over. Most records do not; they ignore it.
     */
    default void ownerChanged(UUID clientId, String from, String to) {
    }

    /**
     * The tables whose rows this bean moves and scrubs: a service's test compares the union over its beans with the
     * tables of its schema that belong to a client, so a new table cannot be forgotten.
     */
    default Set<String> tableNames() {
        return Set.of();
    }
}
