package com.example.crm.client.ownership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/**
 * How many clients a user or a department may own and lock (保有量). {@code null} maxima do not limit; clients
 * with a deal count towards {@code maxOwned} unless {@code countClientsWithDeal} is off.
 */
@Entity
@Table(name = "ownership_cap")
public class OwnershipCap extends PanacheEntityBase {

    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) CapScope scope, String subject) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Version
    public long version;

    public Integer maxOwned;
    public Integer maxLocked;

    @Column(name = "count_clients_with_deal")
    public boolean countClientsWithDeal = true;

    public Instant updatedAt;
    public String updatedBy;
}
