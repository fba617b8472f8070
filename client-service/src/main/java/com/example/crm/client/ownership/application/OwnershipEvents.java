package com.example.crm.client.ownership.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.PoolEntryReason;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.ownership.domain.RecallRuleKind;
import com.example.crm.client.ownership.domain.ScheduledRecall;
import com.example.crm.contract.client.ClientEventTypes;
import com.example.crm.platform.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The events of {@code crm.client.v1} about who holds a client (owner changed, returned to a pool, claimed, recall
 * warnings), written through the outbox in the caller's transaction. Their {@code data} is documented in the
 * service's contract artifact ({@code contract/}) and checked against what is emitted.
 */
@ApplicationScoped
public class OwnershipEvents {

    public static final String OWNER_CHANGED = ClientEventTypes.OWNER_CHANGED;
    public static final String RETURNED_TO_POOL = ClientEventTypes.RETURNED_TO_POOL;
    public static final String CLAIMED = ClientEventTypes.CLAIMED;
    public static final String RECALL_WARNING = ClientEventTypes.RECALL_WARNING;

    private final Outbox outbox;
    private final ClientConfig config;

    public OwnershipEvents(Outbox outbox, ClientConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** {@code to} is {@code null} (present) when the client went back to a pool. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OwnerChanged(UUID clientId, long version, String from,
                               @JsonInclude(JsonInclude.Include.ALWAYS) String to, String toDepartment, String reason,
                               String changedBy, Instant changedAt) {
    }

    /** Returned by its owner or a manager ({@code rule} absent), or recalled by the pool's {@code rule}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReturnedToPool(UUID clientId, long version, UUID poolId, String previousOwnerId,
                                 PoolEntryReason reasonCode, String reason, RecallRuleKind rule, String changedBy,
                                 Instant returnedAt) {
    }

    /** Taken from a pool: claimed by {@code ownerId} ({@code how} CLAIM) or given to them (ASSIGNMENT). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Claimed(UUID clientId, long version, UUID poolId, String ownerId, String ownerDepartment, String how,
                          String changedBy, Instant claimedAt) {
    }

    /** The client will be recalled from its owner at {@code dueAt} by {@code rule} unless something happens first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecallWarning(UUID clientId, String ownerId, UUID poolId, RecallRuleKind rule, int days,
                                Instant anchor, Instant dueAt, Instant warnedAt) {
    }

    public void ownerChanged(Client c, String from, String reason, String actor) {
        outbox.append(config.topic(), OWNER_CHANGED, c.id,
                new OwnerChanged(c.id, c.version, from, c.ownerId, c.ownerDepartment, reason, actor, c.updatedAt));
    }

    public void returnedToPool(Client c, String previousOwner, RecallRuleKind rule, String actor) {
        outbox.append(config.topic(), RETURNED_TO_POOL, c.id, new ReturnedToPool(c.id, c.version, c.poolId,
                previousOwner, c.poolReasonCode, c.poolReason, rule, actor, c.poolEnteredAt));
    }

    public void claimed(Client c, String how, String actor) {
        outbox.append(config.topic(), CLAIMED, c.id, new Claimed(c.id, c.version, c.poolId, c.ownerId,
                c.ownerDepartment, how, actor, c.ownedSince));
    }

    public void recallWarning(ScheduledRecall due, Instant now) {
        outbox.append(config.topic(), RECALL_WARNING, due.clientId, new RecallWarning(due.clientId, due.ownerId,
                due.poolId, due.rule, due.days, due.anchor, due.dueAt, now));
    }
}
