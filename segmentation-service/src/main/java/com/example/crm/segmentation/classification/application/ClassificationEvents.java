package com.example.crm.segmentation.classification.application;

import com.example.crm.contract.segment.SegmentEventTypes;
import com.example.crm.platform.outbox.Outbox;
import com.example.crm.segmentation.classification.persistence.ClassificationRepository;
import com.example.crm.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The classification events of {@code crm.segment.v1}, through the outbox in the run's transaction; documented in the
 * service's contract artifact ({@code contract/}) and consumed by client-service (card), interaction-service
 * (cadence) and complaint-service (SLA).
 */
@ApplicationScoped
public class ClassificationEvents {

    public static final String CLIENT_CLASSIFIED = SegmentEventTypes.CLIENT_CLASSIFIED;

    private final Outbox outbox;
    private final SegmentationConfig config;

    public ClassificationEvents(Outbox outbox, SegmentationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record Rfm(int r, int f, int m, String segment) {
    }

    public record ClientClassified(UUID clientId, String abcClass, String valueTier, String churnRisk, int churnScore,
                                   Rfm rfm, UUID runId, Instant computedAt) {
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
