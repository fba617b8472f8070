package com.example.crm.interaction.visits.domain;

import java.util.EnumSet;
import java.util.Set;

/** PLANNED → DONE | MISSED | CANCELLED; the three are final. */
public enum VisitPlanStatus {
    PLANNED, DONE, MISSED, CANCELLED;

    public Set<VisitPlanStatus> allowedNext() {
        return this == PLANNED ? EnumSet.of(DONE, MISSED, CANCELLED) : EnumSet.noneOf(VisitPlanStatus.class);
    }
}
