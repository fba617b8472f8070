package com.example.crm.client.card.domain;

import com.example.crm.platform.money.MoneyAmount;

import java.util.List;

/** The merge rule's "the survivor keeps its value, takes the duplicate's where it has none", value by value. */
final class Completion {

    private Completion() {
    }

    static <T> T either(T mine, T other) {
        return mine != null ? mine : other;
    }

    /** A list with no items counts as none. */
    static <T> List<T> either(List<T> mine, List<T> other) {
        return mine != null && !mine.isEmpty() ? mine : other == null ? mine : List.copyOf(other);
    }

    /** Money is copied: an embedded value belongs to one card. */
    static MoneyAmount either(MoneyAmount mine, MoneyAmount other) {
        return mine != null && mine.amount != null ? mine
                : other == null || other.amount == null ? mine : new MoneyAmount(other.amount, other.currency);
    }
}
