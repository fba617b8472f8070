package com.example.crm.client.ownership.domain;

import com.example.crm.client.card.domain.PoolEntryReason;

/** What a pool's recall rule watches; the anchor each rule counts its days from is in the recall_schedule view. */
public enum RecallRuleKind {
    /** no contact logged for N days since the later of taking the client and the last contact */
    NO_FOLLOW_UP,
    /** no order for N days since the later of taking the client and the last order */
    NO_ORDER,
    /** N days since the client was taken without becoming EXISTING */
    NOT_CONVERTED;

    /** Why a client recalled by this rule sits in its pool. */
    public PoolEntryReason poolEntryReason() {
        return switch (this) {
            case NO_FOLLOW_UP -> PoolEntryReason.RECALLED_NO_FOLLOW_UP;
            case NO_ORDER -> PoolEntryReason.RECALLED_NO_ORDER;
            case NOT_CONVERTED -> PoolEntryReason.RECALLED_NOT_CONVERTED;
        };
    }
}
