package com.example.crm.interaction.domain;

/** Kinds of contact with a client (seed 000 §2.3, seed 003). */
public enum InteractionKind {
    VISIT, PHONE_CALL, EMAIL, MEETING, GIFT, AFTER_SALES_SERVICE, PROMOTION_EVENT, OTHER
}
