package com.example.crm.platform.replica;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * The part of segmentation's classification of a client other services keep: ABC class, value tier, churn risk
 * and when it was computed (segmentation's contract, {@code segment-contract}, reads its events into it). Other
 * fields may come and go. A classification older than the one held is stale and changes nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SegmentClassification(UUID clientId, String abcClass, String valueTier, String churnRisk,
                                    Instant computedAt) {

    /** Whether it is newer than a classification computed at {@code knownAt} (null: none held). */
    public boolean newerThan(Instant knownAt) {
        return knownAt == null || computedAt.isAfter(knownAt);
    }
}
