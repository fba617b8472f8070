package com.example.crm.client.card.domain;

/**
 * Depth of the relationship (docs/domain.md, "The profile card"): buyer-seller, preferred supplier, partner,
 * strategic alliance.
 */
public enum RelationshipLevel {
    TRANSACTIONAL, PREFERRED_SUPPLIER, PARTNER, STRATEGIC_ALLIANCE
}
