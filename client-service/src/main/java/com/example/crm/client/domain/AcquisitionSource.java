package com.example.crm.client.domain;

/** Where a new client came from (seed 000): directory, referral, walk-in, advertising. */
public enum AcquisitionSource {
    DIRECTORY, REFERRAL, WALK_IN, ADVERTISING, OTHER
}
