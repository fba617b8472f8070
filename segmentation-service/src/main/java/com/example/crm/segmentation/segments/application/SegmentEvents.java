package com.example.crm.segmentation.segments.application;

import com.example.crm.contract.segment.SegmentEventTypes;
import com.example.crm.platform.outbox.Outbox;
import com.example.crm.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The segments' events of {@code crm.segment.v1} (who entered and left a segment), through the outbox in the
 * evaluating transaction; documented in the service's contract artifact ({@code contract/}).
 */
@ApplicationScoped
public class SegmentEvents {

    public static final String MEMBERSHIP_CHANGED = SegmentEventTypes.MEMBERSHIP_CHANGED;

    private final Outbox outbox;
    private final SegmentationConfig config;

    public SegmentEvents(Outbox outbox, SegmentationConfig config) {
        this.outbox = outbox;
        this.config = config;
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
}
