package com.example.crm.client.card.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Client status (docs/domain.md, "Client lifecycle"): potential → intended → existing → terminated; a terminated
 * client can be won back.
 */
public enum LifecycleStatus {
    POTENTIAL, INTENDED, EXISTING, TERMINATED;

    public Set<LifecycleStatus> allowedNext() {
        return switch (this) {
            case POTENTIAL -> EnumSet.of(INTENDED);
            case INTENDED -> EnumSet.of(EXISTING);
            case EXISTING -> EnumSet.of(TERMINATED);
            case TERMINATED -> EnumSet.of(INTENDED);
        };
    }

    /**
     * Whether a card may start here when a sales rep registers it: only the stages before a first deal. EXISTING and
     * TERMINATED record a relationship that already exists; supervisors and integrations bring those over from
     * earlier records.
     */
    public boolean isBeforeFirstDeal() {
        return this == POTENTIAL || this == INTENDED;
    }

    public boolean canBecome(LifecycleStatus next) {
        return allowedNext().contains(next);
    }
}
