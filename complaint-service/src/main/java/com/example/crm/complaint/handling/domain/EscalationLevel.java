package com.example.crm.complaint.handling.domain;

/** Who is alerted: NONE → SUPERVISOR (a clock at 80%) → MANAGER (breach) → EXECUTIVE (a further interval). */
public enum EscalationLevel {
    NONE, SUPERVISOR, MANAGER, EXECUTIVE;

    public EscalationLevel next() {
        return this == EXECUTIVE ? EXECUTIVE : values()[ordinal() + 1];
    }

    public EscalationLevel atLeast(EscalationLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The level a clock's stage implies: 1 warned, 2 breached, 3 a further interval passed. */
    public static EscalationLevel ofStage(int stage) {
        return values()[Math.min(stage, 3)];
    }
}
