package com.example.crm.platform.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * A client as another service knows it from client-service's events and segmentation's classification: the
 * columns every {@code known_client} table has. A service's entity extends it with what it keeps of its own (e.g.
 * the last contact). Its rules are the replica's: which change applies, what a merge and an erasure leave.
 *
 * <p>Three writers change a row concurrently, each its own columns: the client-events consumer (card version, name,
 * status, owner, merge, erasure), the classification consumer (ABC class, value tier) and the service's own requests
 * (e.g. the last contact). An update must write only the columns its transaction changed, so one writer's stale copy
 * of the row never puts back another writer's older values: each entity carries Hibernate's {@code @DynamicUpdate}
 * (it is not inherited from a mapped superclass), which {@link ClientReplicaSupport} checks at startup.
 */
@MappedSuperclass
public abstract class ReplicatedClient extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The version of the client's card in its latest applied event. */
    public long version;

    public String legalName;
    public String status;
    public String ownerId;
    /** The department the owner works in (data scope); follows the owner when the organisation moves them. */
    public String ownerDepartment;
    public boolean deleted;
    public UUID mergedInto;
    public Instant erasedAt;

    /** Segmentation's classification (crm.segment.v1): A/B/C and KEY/ORDINARY/PROSPECT, when it was computed. */
    public String abcClass;
    public String valueTier;
    public Instant classifiedAt;

    public Instant updatedAt;

    /** Takes the registration's values. */
    public void registered(ClientChange change, Instant at) {
        id = change.clientId();
        version = change.version();
        legalName = change.legalName();
        status = change.status();
        ownerId = change.ownerId();
        ownerDepartment = change.ownerDepartment();
        updatedAt = at;
    }

    /** Takes a newer change's values (not the owner, the merge or the erasure: the replica handles those). */
    public void changed(ClientChange change, Instant at) {
        switch (change.kind()) {
            case UPDATED -> {
                if (change.legalName() != null) {
                    legalName = change.legalName();
                }
            }
            case STATUS_CHANGED -> status = change.status();
            case OWNER_CHANGED -> {
                ownerId = change.ownerId();
                ownerDepartment = change.ownerDepartment();
            }
            case DELETED -> deleted = true;
            case RESTORED -> deleted = false;
            default -> {
                // merges and erasures are applied by the replica; other events change nothing here
            }
        }
        version = change.version();
        updatedAt = at;
    }

    /** {@code merged} was merged into this client: it is gone, and points here. */
    public void absorb(ReplicatedClient merged) {
        merged.mergedInto = id;
        merged.deleted = true;
    }

    /** Personal data (the name) is scrubbed; figures and classification stay. */
    public void erase(Instant at) {
        legalName = null;
        erasedAt = at;
        updatedAt = at;
    }

    /** Keeps the classification unless it is not newer than the one kept (a replay); whether it was applied. */
    public boolean classify(SegmentClassification classification) {
        if (!classification.newerThan(classifiedAt)) {
            return false;
        }
        abcClass = classification.abcClass();
        valueTier = classification.valueTier();
        classifiedAt = classification.computedAt();
        return true;
    }

    /** Writes are accepted for a client that exists and was neither deleted, merged away nor erased. */
    public boolean isWritable() {
        return !deleted && mergedInto == null && erasedAt == null;
    }
}
