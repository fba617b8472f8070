package com.example.crm.segmentation.classification.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A client's classification with the reasons that produced each part. */
public record ClassificationView(UUID clientId, UUID runId, Instant computedAt, Abc abc, Rfm rfm, Tier valueTier,
                                 Churn churn) {

    /** reason: revenue, currency, rank, share and cumulative share of the trailing window. */
    public record Abc(String abcClass, Map<String, Object> reason) {
    }

    public record Rfm(int r, int f, int m, String code, String segment, Map<String, Object> reason) {
    }

    public record Tier(String tier, String reason) {
    }

    /** reason: each factor's value and its points. */
    public record Churn(int score, String risk, Map<String, Object> reason) {
    }
}
