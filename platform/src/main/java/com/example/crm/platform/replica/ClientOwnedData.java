package com.example.crm.platform.replica;

import java.util.UUID;

/**
 * Records of a service that belong to a client: each feature that keeps such records provides one bean, and the
 * service's client replica calls every one of them, so a new per-client table takes part in merges and erasures by
 * providing (or extending) its bean. Both run inside the transaction applying the client event.
 */
public interface ClientOwnedData {

    /** A duplicate was merged into a survivor: its records become the survivor's. */
    void moveToClient(UUID mergedId, UUID survivorId);

    /** The client was erased: personal data in these records is scrubbed, figures stay. */
    void scrub(UUID clientId);
}
