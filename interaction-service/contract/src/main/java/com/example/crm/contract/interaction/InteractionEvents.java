package com.example.crm.contract.interaction;

import com.example.crm.platform.events.MalformedEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of each event of {@code crm.interaction.v1}, as interaction-service writes it and consumers read it
 * ({@code CloudEvents.data(event, OrderPlaced.class)}); each record is its event type's JSON Schema in
 * {@code asyncapi/crm.interaction.v1/schemas}. Enumerated values are their names. Amounts are decimal strings with
 * their ISO 4217 currency ({@code decimal} reads one). A consumer reading a record gets the ids and times every event
 * carries, or the event is malformed (dead-lettered); other fields may be absent (no primitive types: a reader needs
 * only what it uses), and fields it does not know are ignored, so the producer can add some.
 */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactLogged(UUID clientId, UUID interactionId, String kind, String direction, Instant occurredAt,
                                Integer durationMinutes, String staffId, String attendeeLevel, String outcome,
                                LocalDate nextContactOn, Boolean checkedIn) {
        public ContactLogged {
            present(clientId, "clientId");
            present(occurredAt, "occurredAt");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderPlaced(UUID clientId, UUID orderId, Instant occurredAt, String amount, String currency,
                              Integer lineCount, List<String> productCategories) {
        public OrderPlaced {
            present(clientId, "clientId");
            present(orderId, "orderId");
            present(occurredAt, "occurredAt");
            present(currency, "currency");
            decimal(amount, "amount");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderCancelled(UUID clientId, UUID orderId, Instant occurredAt, Instant orderedAt, String amount,
                                 String currency) {
        public OrderCancelled {
            present(clientId, "clientId");
            present(orderId, "orderId");
            present(orderedAt, "orderedAt");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(UUID instalmentId, String amount) {
        public Allocation {
            present(instalmentId, "allocations[].instalmentId");
            decimal(amount, "allocations[].amount");
        }
    }

    /** occurredAt is when the money was paid; orderOutstanding what the order still owes after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentRecorded(UUID clientId, UUID paymentId, UUID orderId, UUID instalmentId, Instant occurredAt,
                                  String amount, String currency, String method, List<Allocation> allocations,
                                  String orderOutstanding) {
        public PaymentRecorded {
            present(clientId, "clientId");
            allocations = allocations == null ? List.of() : allocations;
        }
    }

    /** occurredAt is when the overdue check found it; outstanding what is still unpaid of the instalment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentOverdue(UUID clientId, UUID orderId, UUID instalmentId, Integer seq, LocalDate dueOn,
                                 Instant occurredAt, Long daysOverdue, String amount, String outstanding,
                                 String currency) {
        public PaymentOverdue {
            present(clientId, "clientId");
            present(instalmentId, "instalmentId");
            present(currency, "currency");
            decimal(outstanding, "outstanding");
        }
    }

    /** Emitted when a visit is planned, and again (rescheduled: true) when it moves to another day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VisitPlanned(UUID clientId, UUID planId, Instant occurredAt, LocalDate plannedOn, Instant plannedAt,
                               String assigneeId, String attendeeLevel, String source, Boolean rescheduled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VisitCompleted(UUID clientId, UUID planId, UUID interactionId, Instant occurredAt,
                                 LocalDate plannedOn, Instant visitedAt, String assigneeId, String attendeeLevel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VisitMissed(UUID clientId, UUID planId, Instant occurredAt, LocalDate plannedOn, String assigneeId,
                              String attendeeLevel) {
        public VisitMissed {
            present(clientId, "clientId");
            present(planId, "planId");
            present(plannedOn, "plannedOn");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VisitCancelled(UUID clientId, UUID planId, Instant occurredAt, LocalDate plannedOn,
                                 String assigneeId) {
    }

    /** The client's cadence now; {@code removed} with no rhythm when it no longer has one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CadenceChanged(UUID clientId, Instant occurredAt, Boolean removed, Integer intervalDays,
                                 DayOfWeek dayOfWeek, String attendeeLevel, String source) {
    }

    /** A decimal amount of an event (a decimal string); a malformed event otherwise. */
    public static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(present(value, field));
        } catch (NumberFormatException e) {
            throw new MalformedEventException("data." + field + " must be a decimal string");
        }
    }

    private static <T> T present(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("data." + field + " is required");
        }
        return value;
    }
}
