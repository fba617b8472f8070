package com.example.crm.client.card.domain;

/** Why a client entered the pool it sits in (shown on the card with the reason text). */
public enum PoolEntryReason {
    /** imported straight into the pool */
    IMPORTED,
    /** put back by its owner or a manager (放入公海) */
    RETURNED,
    /** recalled automatically (自动回收) by a rule of the pool; the rule is in the reason text and the event */
    RECALLED_NO_FOLLOW_UP,
    RECALLED_NO_ORDER,
    RECALLED_NOT_CONVERTED
}
