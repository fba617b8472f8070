package com.example.crm.interaction.timeline.domain;

/** Kinds of contact with a client (docs/domain.md, "Visits and cadences"). */
public enum InteractionKind {
    VISIT, PHONE_CALL, EMAIL, MEETING, GIFT, AFTER_SALES_SERVICE, PROMOTION_EVENT, OTHER
}
