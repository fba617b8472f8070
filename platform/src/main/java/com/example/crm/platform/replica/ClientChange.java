package com.example.crm.platform.replica;

import java.util.UUID;

/**
 * A change of a client's card as every service's local replica of clients needs it; client-service's contract
 * ({@code client-contract}) reads its events into it. Replicas apply a change only when its card {@code version} is
 * newer than the one they hold; {@code registered} and {@code erased} apply regardless. {@code ownerDepartment} is the
 * department the owner works in (data scope), given with a registration and an owner change.
 */
public record ClientChange(Kind kind, UUID clientId, long version, String legalName, String status, String ownerId,
                           UUID mergedId, String ownerDepartment) {

    public enum Kind { REGISTERED, UPDATED, STATUS_CHANGED, OWNER_CHANGED, DELETED, RESTORED, MERGED, ERASED, OTHER }

    /** Whether a replica holding card {@code knownVersion} should apply this change (not a replay or older). */
    public boolean newerThan(long knownVersion) {
        return version < 0 || version > knownVersion;
    }
}
