package com.example.crm.interaction.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A client's order: when, what (lines or a total) and how much, in one currency. */
@Entity
@Table(name = "client_order")
public class ClientOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID clientId;

    @Version
    public long version;

    public Instant orderedAt;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    public String currency;
    public BigDecimal totalAmount;
    /** What payments settled so far; the order owes totalAmount - paidAmount. */
    public BigDecimal paidAmount = BigDecimal.ZERO;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Line> lines = new ArrayList<>();

    public Instant cancelledAt;
    public String cancelReason;
    public Instant deliveredAt;
    public Instant createdAt;
    public String createdBy;

    /** One line: a product category, a quantity and its amount. */
    public record Line(String productCategory, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount) {
    }
}
