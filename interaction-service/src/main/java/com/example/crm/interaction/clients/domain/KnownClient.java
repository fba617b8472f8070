package com.example.crm.interaction.clients.domain;

import com.example.crm.platform.replica.ReplicatedClient;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.time.LocalDate;

/** A client as client-service reported it (local replica), plus the contact dates this service keeps. */
@Entity
@Table(name = "known_client")
@DynamicUpdate // concurrent writers each write only their columns (ReplicatedClient)
public class KnownClient extends ReplicatedClient {

    public Instant lastContactAt;
    public LocalDate nextContactOn;

    /**
     * Potential and intended clients are prospects to develop (docs/domain.md, "Visits and cadences": visit them at
     * least five times).
     */
    public boolean isProspect() {
        return "POTENTIAL".equals(status) || "INTENDED".equals(status);
    }

    /**
     * A duplicate was merged into this client: besides the replica's rule, its latest contact (with its next contact
     * date) becomes this client's when it is more recent than this client's own.
     */
    @Override
    public void absorb(ReplicatedClient other) {
        super.absorb(other);
        if (other instanceof KnownClient merged) {
            if (merged.lastContactAt != null && (lastContactAt == null || merged.lastContactAt.isAfter(lastContactAt))) {
                lastContactAt = merged.lastContactAt;
                nextContactOn = merged.nextContactOn;
            }
            merged.nextContactOn = null;
        }
    }

    /** A contact at {@code occurredAt} counts as the latest (setting the next contact date) unless an older one. */
    public void contacted(Instant occurredAt, LocalDate nextContact) {
        if (lastContactAt == null || !occurredAt.isBefore(lastContactAt)) {
            lastContactAt = occurredAt;
            nextContactOn = nextContact;
        }
    }
}
