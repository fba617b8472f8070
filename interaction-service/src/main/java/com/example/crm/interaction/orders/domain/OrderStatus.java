package com.example.crm.interaction.orders.domain;

import java.util.EnumSet;
import java.util.Set;

/** PLACED → DELIVERED, PLACED → CANCELLED. */
public enum OrderStatus {
    PLACED, DELIVERED, CANCELLED;

    public Set<OrderStatus> allowedNext() {
        return this == PLACED ? EnumSet.of(DELIVERED, CANCELLED) : EnumSet.noneOf(OrderStatus.class);
    }
}
