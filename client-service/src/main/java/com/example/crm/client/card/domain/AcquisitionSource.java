package com.example.crm.client.card.domain;

/** Where a new client came from (docs/domain.md, "The profile card"): directory, referral, walk-in, advertising. */
public enum AcquisitionSource {
    DIRECTORY, REFERRAL, WALK_IN, ADVERTISING, OTHER
}
