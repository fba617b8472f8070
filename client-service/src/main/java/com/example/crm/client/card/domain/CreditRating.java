package com.example.crm.client.card.domain;

/** Credit grade, best first. */
public enum CreditRating {
    AAA, AA, A, BBB, BB, B, C
}
