package com.example.crm.interaction.orders.application;

import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.contract.interaction.InteractionEvents.Allocation;
import com.example.crm.contract.interaction.InteractionEvents.OrderCancelled;
import com.example.crm.contract.interaction.InteractionEvents.OrderPlaced;
import com.example.crm.contract.interaction.InteractionEvents.PaymentOverdue;
import com.example.crm.contract.interaction.InteractionEvents.PaymentRecorded;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.domain.Payment;
import com.example.crm.interaction.orders.domain.ReceivableInstalment;
import com.example.crm.platform.money.MoneyAmount;
import com.example.crm.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The events of {@code crm.interaction.v1} about orders and payments, written through the outbox in the caller's
 * transaction; documented in the service's contract artifact ({@code contract/}) and checked against what is emitted.
 * Personal text (notes, references) stays out. Amounts are decimal strings with their ISO 4217 currency.
 */
@ApplicationScoped
public class OrderEvents {

    public static final String ORDER_PLACED = InteractionEventTypes.ORDER_PLACED;
    public static final String ORDER_CANCELLED = InteractionEventTypes.ORDER_CANCELLED;
    public static final String PAYMENT_RECORDED = InteractionEventTypes.PAYMENT_RECORDED;
    public static final String PAYMENT_OVERDUE = InteractionEventTypes.PAYMENT_OVERDUE;

    private final Outbox outbox;
    private final InteractionConfig config;

    public OrderEvents(Outbox outbox, InteractionConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void orderPlaced(ClientOrder o) {
        append(o.clientId, ORDER_PLACED, new OrderPlaced(o.clientId, o.id, o.orderedAt, amount(o.totalAmount, o.currency),
                o.currency, o.lines.size(), o.lines.stream().map(ClientOrder.Line::productCategory).distinct().toList()));
    }

    public void orderCancelled(ClientOrder o) {
        append(o.clientId, ORDER_CANCELLED, new OrderCancelled(o.clientId, o.id, o.cancelledAt, o.orderedAt,
                amount(o.totalAmount, o.currency), o.currency));
    }

    public void paymentRecorded(Payment p, ClientOrder o) {
        append(p.clientId, PAYMENT_RECORDED, new PaymentRecorded(p.clientId, p.id, p.orderId, p.instalmentId, p.paidAt,
                amount(p.amount, p.currency), p.currency, p.method.name(),
                p.allocations.stream().map(a -> new Allocation(a.instalmentId(), amount(a.amount(), p.currency))).toList(),
                amount(o.totalAmount.subtract(o.paidAmount), o.currency)));
    }

    public void paymentOverdue(ReceivableInstalment i, LocalDate today, Instant now) {
        append(i.clientId, PAYMENT_OVERDUE, new PaymentOverdue(i.clientId, i.orderId, i.id, i.seq, i.dueOn, now,
                i.daysOverdue(today), amount(i.amount, i.currency), amount(i.outstanding(), i.currency), i.currency));
    }

    private void append(UUID clientId, String type, Object data) {
        outbox.append(config.topic(), type, clientId, data);
    }

    private static String amount(BigDecimal amount, String currency) {
        return new MoneyAmount(amount, currency).toMoney().amount();
    }
}
