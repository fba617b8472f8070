package com.example.crm.complaint.clients.domain;

import com.example.crm.platform.replica.ClientReplicaSupport;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A client as client-service reported it (local replica), with segmentation's classification. */
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
    public String abcClass;
    public String valueTier;
    public Instant classifiedAt;
    public Instant updatedAt;

    @Override
    public long cardVersion() {
        return version;
    }

    @Override
    public UUID mergedIntoId() {
        return mergedInto;
    }

    @Override
    public boolean isWritable() {
        return !deleted && mergedInto == null && erasedAt == null;
    }

    /** Key clients (value tier KEY or ABC class A) get the stricter SLA. */
    public boolean isKey() {
        return "KEY".equals(valueTier) || "A".equals(abcClass);
    }
}
