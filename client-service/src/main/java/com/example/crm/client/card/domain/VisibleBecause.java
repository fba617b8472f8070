package com.example.crm.client.card.domain;

/** Why the caller sees a card (the first that applies, in this order). */
public enum VisibleBecause {
    /** the caller owns it */
    OWNER,
    /** the caller is on its team */
    TEAM,
    /** it sits in a pool the caller belongs to */
    POOL,
    /** its owner sits in a department the caller's data scope covers (or the scope is everything) */
    SCOPE
}
