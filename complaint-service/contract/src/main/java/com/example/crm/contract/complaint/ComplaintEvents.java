package com.example.crm.contract.complaint;

import com.example.crm.platform.events.MalformedEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The data of each event of {@code crm.complaint.v1}, as complaint-service writes it and consumers read it
 * ({@code CloudEvents.data(event, Received.class)}); each record is its event type's JSON Schema in
 * {@code asyncapi/crm.complaint.v1/schemas}. Enumerated values are their names; compensation is a decimal string with
 * its ISO 4217 currency. A reader gets the ids every event carries, or the event is malformed (dead-lettered); other
 * fields may be absent (no primitive types: a reader needs only what it uses), and unknown fields are ignored.
 */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Received(UUID clientId, UUID complaintId, String number, Instant occurredAt, String channel,
                           String category, String severity, UUID orderId, String assigneeId, String slaPolicy,
                           Instant firstResponseDueAt, Instant resolutionDueAt) {
        public Received {
            present(clientId, "clientId");
            present(complaintId, "complaintId");
            present(occurredAt, "occurredAt");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Acknowledged(UUID clientId, UUID complaintId, String number, Instant occurredAt, String category,
                               String severity, String by, Boolean late) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Escalated(UUID clientId, UUID complaintId, String number, Instant occurredAt, String level,
                            String reason, String category, String severity, String assigneeId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlaBreached(UUID clientId, UUID complaintId, String number, Instant occurredAt, String clock,
                              Instant dueAt, String category, String severity, String slaPolicy) {
        public SlaBreached {
            present(complaintId, "complaintId");
        }
    }

    /** Compensation, when given, is a decimal string with its currency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolved(UUID clientId, UUID complaintId, String number, Instant occurredAt, String category,
                           String severity, String rootCause, UUID solutionId, Boolean withinSla,
                           Long resolutionMinutes, String compensationAmount, String compensationCurrency,
                           String assigneeId) {
        public Resolved {
            present(complaintId, "complaintId");
            if (compensationAmount != null) {
                compensation(compensationAmount);
                present(compensationCurrency, "compensationCurrency");
            }
        }

        /** The compensation granted, null when none. */
        public BigDecimal compensation() {
            return compensationAmount == null ? null : compensation(compensationAmount);
        }

        private static BigDecimal compensation(String amount) {
            try {
                return new BigDecimal(amount);
            } catch (NumberFormatException e) {
                throw new MalformedEventException("data.compensationAmount must be a decimal string");
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closed(UUID clientId, UUID complaintId, String number, Instant occurredAt, String category,
                         String severity, String by) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reopened(UUID clientId, UUID complaintId, String number, Instant occurredAt, String category,
                           String severity, String reason, Integer reopenCount, String from) {
        public Reopened {
            present(complaintId, "complaintId");
        }
    }

    /** gap = performance - expectation (docs/domain.md, "Complaint handling"): below zero the customer is dissatisfied. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SurveyAnswered(UUID clientId, UUID complaintId, String number, Instant occurredAt, Integer score,
                                 Integer performance, Integer expectation, Integer gap, String category,
                                 String severity, String assigneeId, Boolean reopened) {
        public SurveyAnswered {
            present(complaintId, "complaintId");
            present(score, "score");
            present(gap, "gap");
        }
    }

    private static <T> T present(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("data." + field + " is required");
        }
        return value;
    }
}
