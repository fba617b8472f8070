package com.example.crm.contract.segment;

import java.time.Instant;
import java.util.UUID;

/**
 * Valid events of {@code crm.segment.v1} as segmentation-service writes them (CloudEvents 1.0, structured JSON),
 * for consumers' tests and examples.
 */
public final class SegmentEventExamples {

    private SegmentEventExamples() {
    }

    /** A client classified (churn risk LOW) by a run computed at {@code computedAt}, announced at {@code at}. */
    public static String classified(String clientId, String abcClass, String valueTier, Instant computedAt, Instant at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/segmentation-service","type":"%s",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "data":{"clientId":"%s","abcClass":"%s","valueTier":"%s","churnRisk":"LOW","churnScore":10,
                         "runId":"%s","computedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), SegmentEventTypes.CLIENT_CLASSIFIED, clientId, at, clientId, abcClass,
                        valueTier, UUID.randomUUID(), computedAt);
    }
}
