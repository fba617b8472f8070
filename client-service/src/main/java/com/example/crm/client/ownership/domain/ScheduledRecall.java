package com.example.crm.client.ownership.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * When an owned client would be recalled and by which rule (read-only: the {@code recall_schedule} view, where the
 * rules are evaluated). Locked, deleted and pool clients, and clients no rule applies to, have no row.
 */
@Entity
@Immutable
@Table(name = "recall_schedule")
public class ScheduledRecall {

    @Id
    public UUID clientId;
    public String ownerId;
    public String ownerDepartment;
    public UUID poolId;
    @Enumerated(EnumType.STRING)
    public RecallRuleKind rule;
    /** The rule's days for this client (its ABC class or value tier may give it longer). */
    public int days;
    /** What the days count from: taking the client, or the last follow-up or order after that. */
    public Instant anchor;
    public Instant dueAt;
    public Instant warnFrom;
}
