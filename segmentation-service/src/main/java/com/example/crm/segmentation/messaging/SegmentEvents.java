package com.example.crm.segmentation.messaging;

import com.example.crm.platform.outbox.Outbox;
import com.example.crm.segmentation.config.SegmentationConfig;
import com.example.crm.segmentation.persistence.ClassificationRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events of {@code crm.segment.v1}, through the outbox in the run's transaction; documented in
 * {@code src/main/asyncapi/} and consumed by client-service (card), interaction-service (cadence) and
 * complaint-service (SLA).
 */
@ApplicationScoped
public class SegmentEvents {

    public static final String CLIENT_CLASSIFIED = "crm.segment.client-classified.v1";
    public static final String MEMBERSHIP_CHANGED = "crm.segment.membership-changed.v1";

    private final Outbox outbox;
    private final SegmentationConfig config;

    public SegmentEvents(Outbox outbox, SegmentationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record Rfm(int r, int f, int m, String segment) {
    }

    public record ClientClassified(UUID clientId, String abcClass, String valueTier, String churnRisk, int churnScore,
                                   Rfm rfm, UUID runId, Instant computedAt) {
    }

    /** change: ENTERED or LEFT. */
    public record MembershipChanged(UUID clientId, UUID segmentId, String segmentName, String change,
                                    Instant evaluatedAt) {
    }

    /** Announces the clients that entered and left a segment in one evaluation. */
    public void membershipChanged(UUID segmentId, String segmentName, List<UUID> entered, List<UUID> left, Instant at) {
        try (Outbox.Batch batch = outbox.batch()) {
            entered.forEach(client -> batch.add(config.topic(), MEMBERSHIP_CHANGED, client,
                    new MembershipChanged(client, segmentId, segmentName, "ENTERED", at)));
            left.forEach(client -> batch.add(config.topic(), MEMBERSHIP_CHANGED, client,
                    new MembershipChanged(client, segmentId, segmentName, "LEFT", at)));
        }
    }

    /** Announces changed classifications of a run. */
    public void clientsClassified(List<ClassificationRepository.Changed> changed, UUID runId, Instant computedAt) {
        try (Outbox.Batch batch = outbox.batch()) {
            for (ClassificationRepository.Changed c : changed) {
                batch.add(config.topic(), CLIENT_CLASSIFIED, c.clientId(), new ClientClassified(c.clientId(),
                        c.abcClass(), c.valueTier(), c.churnRisk(), c.churnScore(),
                        new Rfm(c.r(), c.f(), c.m(), c.rfmSegment()), runId, computedAt));
            }
        }
    }
}
