package com.example.crm.interaction.orders.domain;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.MoneyAmount;
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
    public Money total() {
        return new MoneyAmount(totalAmount, currency).toMoney();
    }

    /** Refuses a step the order's lifecycle does not allow from where it is. */
    public void requireTransitionTo(OrderStatus to) {
        if (!status.allowedNext().contains(to)) {
            throw new DomainException.IllegalTransition("an order " + status + " cannot become " + to)
                    .with("allowed", new ArrayList<>(status.allowedNext()));
        }
    }

    /** A placed order is cancelled only while nothing was paid on it: payments are refunded first. */
    public void cancel(Instant at, String reason) {
        requireTransitionTo(OrderStatus.CANCELLED);
        if (paidAmount.signum() > 0) {
            throw new DomainException.Conflict("order " + id + " has payments of "
                    + paidAmount.stripTrailingZeros().toPlainString() + " " + currency
                    + "; refund them before cancelling it");
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
    }

    public void deliver(Instant at) {
        requireTransitionTo(OrderStatus.DELIVERED);
        status = OrderStatus.DELIVERED;
        deliveredAt = at;
    }

    public record Line(String productCategory, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount) {
    }
}
