package com.example.crm.interaction.clients.domain;

import com.example.crm.platform.replica.ClientReplicaSupport;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client as client-service reported it (local replica), plus the contact dates this service keeps. */
@Entity
@Table(name = "known_client")
public class KnownClient extends PanacheEntityBase implements ClientReplicaSupport.Replicated {

    @Id
    public UUID id;

    /** The version of the client's card in its latest applied event. */
    public long version;

    public String legalName;
    public String status;
    public String ownerId;
    public boolean deleted;
    public UUID mergedInto;
    public Instant erasedAt;

    /** Segmentation's classification (crm.segment.v1): A/B/C and KEY/ORDINARY/PROSPECT, when it arrived. */
    public String abcClass;
    public String valueTier;
    public Instant classifiedAt;

    public Instant lastContactAt;
    public LocalDate nextContactOn;
    public Instant updatedAt;

    /**
     * Potential and intended clients are prospects to develop (docs/domain.md, "Visits and cadences": visit them at
     * least five times).
     */
    public boolean isProspect() {
        return "POTENTIAL".equals(status) || "INTENDED".equals(status);
    }

    /**
     * {@code merged} was merged into this client: it is gone, and its latest contact (with its next contact date)
     * becomes this client's when it is more recent than this client's own.
     */
    public void absorb(KnownClient merged) {
        merged.mergedInto = id;
        merged.deleted = true;
        if (merged.lastContactAt != null && (lastContactAt == null || merged.lastContactAt.isAfter(lastContactAt))) {
            lastContactAt = merged.lastContactAt;
            nextContactOn = merged.nextContactOn;
        }
        merged.nextContactOn = null;
    }

    /** A contact at {@code occurredAt} counts as the latest (setting the next contact date) unless an older one. */
    public void contacted(Instant occurredAt, LocalDate nextContact) {
        if (lastContactAt == null || !occurredAt.isBefore(lastContactAt)) {
            lastContactAt = occurredAt;
            nextContactOn = nextContact;
        }
    }

    @Override
    public long cardVersion() {
        return version;
    }

    @Override
    public UUID mergedIntoId() {
        return mergedInto;
    }

    /** Writes are accepted for a client that exists and was neither deleted nor merged away. */
    @Override
    public boolean isWritable() {
        return !deleted && mergedInto == null && erasedAt == null;
    }
}
