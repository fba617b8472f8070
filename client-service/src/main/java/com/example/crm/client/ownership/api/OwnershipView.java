package com.example.crm.client.ownership.api;

import com.example.crm.client.card.domain.PoolEntryReason;
import com.example.crm.client.ownership.application.Standings;
import com.example.crm.client.ownership.domain.RecallRuleKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Who owns a client, or where it sits, and whether and when which rule would recall it (explainable recall). */
public record OwnershipView(
        UUID clientId,
        long version,
        String ownerId,
        String ownerDepartment,
        Instant ownedSince,
        boolean locked,
        Instant lockedAt,
        String lockedBy,
        @Schema(description = "the pool the client sits in, or was taken from, or whose rules govern it (the default)")
        PoolRef pool,
        boolean inPool,
        Instant inPoolSince,
        PoolEntryReason reasonCode,
        String reason,
        @Schema(description = "an order not cancelled is on record, or the status is EXISTING") boolean hasDeal,
        @Schema(description = "learned from crm.interaction.v1") Instant lastFollowUpAt,
        Instant lastOrderAt,
        int liveOrders,
        @Schema(description = "the rule that would recall the client first; absent when none would") Recall recall,
        @Schema(description = "why no rule would recall it, when none would") String notRecalledBecause) {

    public record PoolRef(UUID id, String name, boolean defaultPool) {
    }

    public record Recall(RecallRuleKind rule, int days, Instant countingFrom, Instant dueAt, Instant warningFrom) {
    }

    /** 200 with the standing and the card's ETag (the version a card change needs as If-Match). */
    public static jakarta.ws.rs.core.Response ok(Standings.Standing standing) {
        return jakarta.ws.rs.core.Response.ok(of(standing))
                .header(jakarta.ws.rs.core.HttpHeaders.ETAG, com.example.crm.platform.api.ETags.of(standing.client().version))
                .build();
    }

    public static OwnershipView of(Standings.Standing s) {
        var c = s.client();
        var a = s.activity();
        Recall recall = s.recall() == null ? null : new Recall(s.recall().rule, s.recall().days, s.recall().anchor,
                s.recall().dueAt, s.recall().warnFrom);
        String why = null;
        if (recall == null) {
            if (c.inPool()) {
                why = "it sits in a pool";
            } else if (c.lockedAt != null) {
                why = "it is locked";
            } else if (s.pool() == null) {
                why = "no pool governs it (it was never in a pool and no pool is the default)";
            } else {
                why = "no recall rule of pool " + s.pool().name + " applies to it";
            }
        }
        return new OwnershipView(c.id, c.version, c.ownerId, c.ownerDepartment, c.ownedSince, c.lockedAt != null,
                c.lockedAt, c.lockedBy,
                s.pool() == null ? null : new PoolRef(s.pool().id, s.pool().name, s.pool().defaultPool),
                c.inPool(), c.inPool() ? c.poolEnteredAt : null, c.inPool() ? c.poolReasonCode : null,
                c.inPool() ? c.poolReason : null, s.hasDeal(), a == null ? null : a.lastFollowUpAt,
                a == null ? null : a.lastOrderAt, a == null ? 0 : a.liveOrders, recall, why);
    }
}
