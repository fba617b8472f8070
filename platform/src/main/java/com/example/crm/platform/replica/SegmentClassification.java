package com.example.crm.platform.replica;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The part of segmentation's {@code crm.segment.client-classified.v1} other services keep: ABC class, value tier,
 * churn risk and when it was computed. Other fields may come and go. A classification older than the one held is
 * stale and changes nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SegmentClassification(UUID clientId, String abcClass, String valueTier, String churnRisk,
                                    Instant computedAt) {

    public static final String TYPE = "crm.segment.client-classified.v1";
    private static final Set<String> CLASSES = Set.of("A", "B", "C");
    private static final Set<String> TIERS = Set.of("KEY", "ORDINARY", "PROSPECT");
    private static final Set<String> RISKS = Set.of("LOW", "MEDIUM", "HIGH");

    /**
     * The classification an event carries, checked (a bad one goes to the dead-letter topic); null for the
     * topic's other event types.
     */
    public static SegmentClassification from(CloudEvent event, CloudEvents cloudEvents) {
        if (!TYPE.equals(event.type())) {
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

    /** Whether it is newer than a classification computed at {@code knownAt} (null: none held). */
    public boolean newerThan(Instant knownAt) {
        return knownAt == null || computedAt.isAfter(knownAt);
    }
}
