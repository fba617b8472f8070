package com.example.crm.complaint.handling.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * RECEIVED → ACKNOWLEDGED → INVESTIGATING → RESOLVED → CLOSED; RESOLVED or CLOSED → REOPENED → INVESTIGATING.
 */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, INVESTIGATING, RESOLVED, CLOSED, REOPENED;

    public Set<ComplaintStatus> allowedNext() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(INVESTIGATING);
        };
    }

    /** Open: the resolution clock runs (unless waiting on the customer). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
