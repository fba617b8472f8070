package com.example.crm.interaction.orders.api;

import com.example.crm.interaction.orders.domain.OrderStatus;
import com.example.crm.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrderView(UUID id, UUID clientId, long version, Instant orderedAt, OrderStatus status, Money total,
                        Money paid, Money outstanding,
                        List<LineView> lines, List<OrderStatus> allowedTransitions, Instant deliveredAt,
                        Instant cancelledAt, String cancelReason, Instant createdAt, String createdBy) {

    public record LineView(String productCategory, String description, BigDecimal quantity, Money unitPrice, Money amount) {
    }
}
