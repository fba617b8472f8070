package com.example.crm.contract.segment;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.example.crm.platform.replica.SegmentClassification;

import java.util.Set;

/** Reads segmentation's {@code client-classified} events of {@code crm.segment.v1}. */
public final class SegmentClassifications {

    private static final Set<String> CLASSES = Set.of("A", "B", "C");
    private static final Set<String> TIERS = Set.of("KEY", "ORDINARY", "PROSPECT");
    private static final Set<String> RISKS = Set.of("LOW", "MEDIUM", "HIGH");

    private SegmentClassifications() {
    }

    /**
     * The classification an event carries, checked (a bad one goes to the dead-letter topic); null for the
     * topic's other event types.
     */
    public static SegmentClassification from(CloudEvent event, CloudEvents cloudEvents) {
        if (!SegmentEventTypes.CLIENT_CLASSIFIED.equals(event.type())) {
            return null;
        }
        SegmentClassification data = cloudEvents.data(event, SegmentClassification.class);
        if (data.clientId() == null || !CLASSES.contains(data.abcClass()) || !TIERS.contains(data.valueTier())
                || !RISKS.contains(data.churnRisk()) || data.computedAt() == null) {
            throw new MalformedEventException("client-classified needs clientId, abcClass (A/B/C), valueTier "
                    + "(KEY/ORDINARY/PROSPECT), churnRisk (LOW/MEDIUM/HIGH) and computedAt");
        }
        if (!data.clientId().toString().equals(event.subject())) {
            throw new MalformedEventException("subject " + event.subject() + " is not the clientId " + data.clientId());
        }
        return data;
    }
}
