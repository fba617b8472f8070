package com.example.crm.interaction.messaging;

import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.domain.AttendeeLevel;
import com.example.crm.interaction.domain.Cadence;
import com.example.crm.interaction.domain.ClientOrder;
import com.example.crm.interaction.domain.Direction;
import com.example.crm.interaction.domain.Interaction;
import com.example.crm.interaction.domain.InteractionKind;
import com.example.crm.interaction.domain.Outcome;
import com.example.crm.interaction.domain.Payment;
import com.example.crm.interaction.domain.PaymentMethod;
import com.example.crm.interaction.domain.ReceivableInstalment;
import com.example.crm.interaction.domain.VisitPlan;
import com.example.crm.platform.money.MoneyAmount;
import com.example.crm.platform.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events of {@code crm.interaction.v1}, written through the outbox in the caller's transaction; documented
 * in {@code src/main/asyncapi/} and checked against what is emitted. Personal text (notes, subjects, purposes,
 * references) stays out. Amounts are decimal strings with their ISO 4217 currency.
 */
@ApplicationScoped
public class InteractionEvents {

    public static final String CONTACT_LOGGED = "crm.interaction.contact-logged.v1";
    public static final String ORDER_PLACED = "crm.interaction.order-placed.v1";
    public static final String ORDER_CANCELLED = "crm.interaction.order-cancelled.v1";
    public static final String PAYMENT_RECORDED = "crm.interaction.payment-recorded.v1";
    public static final String PAYMENT_OVERDUE = "crm.interaction.payment-overdue.v1";
    public static final String VISIT_PLANNED = "crm.interaction.visit-planned.v1";
    public static final String VISIT_COMPLETED = "crm.interaction.visit-completed.v1";
    public static final String VISIT_MISSED = "crm.interaction.visit-missed.v1";
    public static final String VISIT_CANCELLED = "crm.interaction.visit-cancelled.v1";
    public static final String CADENCE_CHANGED = "crm.interaction.cadence-changed.v1";

    private final Outbox outbox;
    private final InteractionConfig config;

    public InteractionEvents(Outbox outbox, InteractionConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactLogged(UUID clientId, UUID interactionId, InteractionKind kind, Direction direction,
                                Instant occurredAt, Integer durationMinutes, String staffId, AttendeeLevel attendeeLevel,
                                Outcome outcome, LocalDate nextContactOn, boolean checkedIn) {
    }

    public record OrderPlaced(UUID clientId, UUID orderId, Instant occurredAt, String amount, String currency,
                              int lineCount, List<String> productCategories) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderCancelled(UUID clientId, UUID orderId, Instant occurredAt, Instant orderedAt, String amount,
                                 String currency) {
    }

    public record Allocation(UUID instalmentId, String amount) {
    }

    /** occurredAt is when the money was paid; orderOutstanding what the order still owes after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentRecorded(UUID clientId, UUID paymentId, UUID orderId, UUID instalmentId, Instant occurredAt,
                                  String amount, String currency, PaymentMethod method, List<Allocation> allocations,
                                  String orderOutstanding) {
    }

    /** occurredAt is when the overdue check found it; outstanding what is still unpaid of the instalment. */
    public record PaymentOverdue(UUID clientId, UUID orderId, UUID instalmentId, int seq, LocalDate dueOn,
                                 Instant occurredAt, long daysOverdue, String amount, String outstanding,
                                 String currency) {
    }

    /** Emitted when a visit is planned, and again (rescheduled: true) when it moves to another day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitPlanned(UUID clientId, UUID planId, Instant occurredAt, LocalDate plannedOn, Instant plannedAt,
                               String assigneeId, AttendeeLevel attendeeLevel, VisitPlan.Source source,
                               boolean rescheduled) {
    }

    public record VisitCompleted(UUID clientId, UUID planId, UUID interactionId, Instant occurredAt,
                                 LocalDate plannedOn, Instant visitedAt, String assigneeId, AttendeeLevel attendeeLevel) {
    }

    public record VisitMissed(UUID clientId, UUID planId, Instant occurredAt, LocalDate plannedOn, String assigneeId,
                              AttendeeLevel attendeeLevel) {
    }

    public record VisitCancelled(UUID clientId, UUID planId, Instant occurredAt, LocalDate plannedOn,
                                 String assigneeId) {
    }

    /** The client's cadence now; {@code removed} with no rhythm when it no longer has one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CadenceChanged(UUID clientId, Instant occurredAt, boolean removed, Integer intervalDays,
                                 DayOfWeek dayOfWeek, AttendeeLevel attendeeLevel, Cadence.Source source) {
    }

    public void contactLogged(Interaction i) {
        append(i.clientId, CONTACT_LOGGED, new ContactLogged(i.clientId, i.id, i.kind, i.direction, i.occurredAt,
                i.durationMinutes, i.staffId, i.attendeeLevel, i.outcome, i.nextContactOn, i.checkInAt != null));
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
                amount(p.amount, p.currency), p.currency, p.method,
                p.allocations.stream().map(a -> new Allocation(a.instalmentId(), amount(a.amount(), p.currency))).toList(),
                amount(o.totalAmount.subtract(o.paidAmount), o.currency)));
    }

    public void paymentOverdue(ReceivableInstalment i, LocalDate today, Instant now) {
        append(i.clientId, PAYMENT_OVERDUE, new PaymentOverdue(i.clientId, i.orderId, i.id, i.seq, i.dueOn, now,
                i.daysOverdue(today), amount(i.amount, i.currency), amount(i.outstanding(), i.currency), i.currency));
    }

    public void visitPlanned(VisitPlan p, Instant at, boolean rescheduled) {
        append(p.clientId, VISIT_PLANNED, new VisitPlanned(p.clientId, p.id, at,
                p.plannedOn, p.plannedAt, p.assigneeId, p.attendeeLevel, p.source, rescheduled));
    }

    public void visitCompleted(VisitPlan p, Interaction i) {
        append(p.clientId, VISIT_COMPLETED, new VisitCompleted(p.clientId, p.id, i.id, p.completedAt, p.plannedOn,
                i.occurredAt, p.assigneeId, p.attendeeLevel));
    }

    public void visitMissed(VisitPlan p) {
        append(p.clientId, VISIT_MISSED, new VisitMissed(p.clientId, p.id, p.missedAt, p.plannedOn, p.assigneeId,
                p.attendeeLevel));
    }

    public void visitCancelled(VisitPlan p) {
        append(p.clientId, VISIT_CANCELLED, new VisitCancelled(p.clientId, p.id, p.cancelledAt, p.plannedOn,
                p.assigneeId));
    }

    public void cadenceChanged(UUID clientId, Cadence c, Instant at) {
        append(clientId, CADENCE_CHANGED, c == null ? new CadenceChanged(clientId, at, true, null, null, null, null)
                : new CadenceChanged(clientId, at, false, c.intervalDays, c.dayOfWeek, c.attendeeLevel, c.source));
    }

    private void append(UUID clientId, String type, Object data) {
        outbox.append(config.topic(), type, clientId, data);
    }

    private static String amount(BigDecimal amount, String currency) {
        return new MoneyAmount(amount, currency).toMoney().amount();
    }
}
