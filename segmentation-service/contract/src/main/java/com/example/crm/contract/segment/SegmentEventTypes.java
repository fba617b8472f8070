package com.example.crm.contract.segment;

/**
 * The event types of {@code crm.segment.v1}; each has its JSON Schema in
 * {@code asyncapi/crm.segment.v1/schemas/<type>.json} of this artifact.
 */
public final class SegmentEventTypes {

    public static final String TOPIC = "crm.segment.v1";

    public static final String CLIENT_CLASSIFIED = "crm.segment.client-classified.v1";
    public static final String MEMBERSHIP_CHANGED = "crm.segment.membership-changed.v1";

    private SegmentEventTypes() {
    }
}
