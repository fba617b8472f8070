package com.example.crm.interaction.orders.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A payment received (回款) against an order, settling one instalment or the earliest open ones. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID clientId;
    public UUID orderId;
    /** The instalment the payer named; null when paid against the order. */
    public UUID instalmentId;
    public BigDecimal amount;
    public String currency;
    public Instant paidAt;

    @Enumerated(EnumType.STRING)
    public PaymentMethod method;

    public String reference;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Allocation> allocations = new ArrayList<>();

    public Instant recordedAt;
    public String recordedBy;

    /** The part of the payment that settled one instalment. */
    public record Allocation(UUID instalmentId, BigDecimal amount) {
    }
}
