package com.example.crm.client.domain;

/** What a pool's recall rule watches; the anchor each rule counts its days from is in the recall_schedule view. */
public enum RecallRuleKind {
    /** no contact logged for N days since the later of taking the client and the last contact */
    NO_FOLLOW_UP,
    /** no order for N days since the later of taking the client and the last order */
    NO_ORDER,
    /** N days since the client was taken without becoming EXISTING */
    NOT_CONVERTED
}
