package com.example.crm.interaction.messaging;

import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.domain.AttendeeLevel;
import com.example.crm.interaction.domain.Direction;
import com.example.crm.interaction.domain.Interaction;
import com.example.crm.interaction.domain.InteractionKind;
import com.example.crm.interaction.domain.Outcome;
import com.example.crm.platform.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The events of {@code crm.interaction.v1}, written through the outbox in the caller's transaction; documented
 * in {@code src/main/asyncapi/} and checked against what is emitted. Personal text (notes, subject) stays out.
 */
@ApplicationScoped
public class InteractionEvents {

    public static final String CONTACT_LOGGED = "crm.interaction.contact-logged.v1";
    public static final String ORDER_PLACED = "crm.interaction.order-placed.v1";
    public static final String ORDER_CANCELLED = "crm.interaction.order-cancelled.v1";

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

    /** Amounts are decimal strings with their ISO 4217 currency. */
    public record OrderPlaced(UUID clientId, UUID orderId, Instant occurredAt, String amount, String currency,
                              int lineCount, java.util.List<String> productCategories) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderCancelled(UUID clientId, UUID orderId, Instant occurredAt, Instant orderedAt, String amount,
                                 String currency) {
    }

    public void orderPlaced(com.example.crm.interaction.domain.ClientOrder o) {
        var total = com.example.crm.interaction.domain.OrderService.total(o);
        outbox.append(config.topic(), ORDER_PLACED, o.clientId, new OrderPlaced(o.clientId, o.id, o.orderedAt,
                total.amount(), total.currency(), o.lines.size(),
                o.lines.stream().map(com.example.crm.interaction.domain.ClientOrder.Line::productCategory).distinct().toList()));
    }

    public void orderCancelled(com.example.crm.interaction.domain.ClientOrder o) {
        var total = com.example.crm.interaction.domain.OrderService.total(o);
        outbox.append(config.topic(), ORDER_CANCELLED, o.clientId, new OrderCancelled(o.clientId, o.id, o.cancelledAt,
                o.orderedAt, total.amount(), total.currency()));
    }

    public void contactLogged(Interaction i) {
        outbox.append(config.topic(), CONTACT_LOGGED, i.clientId, new ContactLogged(i.clientId, i.id, i.kind,
                i.direction, i.occurredAt, i.durationMinutes, i.staffId, i.attendeeLevel, i.outcome, i.nextContactOn,
                i.checkInAt != null));
    }
}
