package com.example.crm.interaction.orders.domain;

/**
 * An instalment's state: PENDING (nothing paid), PARTIAL, PAID, OVERDUE (past due and not fully paid, flagged by
 * the daily check), VOID (its plan was replaced or its order cancelled).
 */
public enum InstalmentStatus {
    PENDING, PARTIAL, PAID, OVERDUE, VOID;

    public boolean isOpen() {
        return this == PENDING || this == PARTIAL || this == OVERDUE;
    }
}
