package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.config.ComplaintConfig;
import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.handling.domain.Channel;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.EscalationLevel;
import com.example.crm.complaint.handling.domain.RootCause;
import com.example.crm.complaint.handling.domain.Severity;
import com.example.crm.contract.complaint.ComplaintEventTypes;
import com.example.crm.platform.money.MoneyAmount;
import com.example.crm.platform.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The events of {@code crm.complaint.v1}, written through the outbox in the caller's transaction; documented in the
 * service's contract artifact ({@code contract/}) and checked against what is emitted. The customer's words, subjects
 * and findings stay out; categories, severities, levels, times and amounts go in.
 */
@ApplicationScoped
public class ComplaintEvents {

    public static final String RECEIVED = ComplaintEventTypes.RECEIVED;
    public static final String ACKNOWLEDGED = ComplaintEventTypes.ACKNOWLEDGED;
    public static final String ESCALATED = ComplaintEventTypes.ESCALATED;
    public static final String SLA_BREACHED = ComplaintEventTypes.SLA_BREACHED;
    public static final String RESOLVED = ComplaintEventTypes.RESOLVED;
    public static final String CLOSED = ComplaintEventTypes.CLOSED;
    public static final String REOPENED = ComplaintEventTypes.REOPENED;
    public static final String SURVEY_ANSWERED = ComplaintEventTypes.SURVEY_ANSWERED;

    private final Outbox outbox;
    private final ComplaintConfig config;

    public ComplaintEvents(Outbox outbox, ComplaintConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Received(UUID clientId, UUID complaintId, String number, Instant occurredAt, Channel channel,
                           Category category, Severity severity, UUID orderId, String assigneeId, String slaPolicy,
                           Instant firstResponseDueAt, Instant resolutionDueAt) {
    }

    public record Acknowledged(UUID clientId, UUID complaintId, String number, Instant occurredAt, Category category,
                               Severity severity, String by, boolean late) {
    }

    public record Escalated(UUID clientId, UUID complaintId, String number, Instant occurredAt, EscalationLevel level,
                            String reason, Category category, Severity severity, String assigneeId) {
    }

    public record SlaBreached(UUID clientId, UUID complaintId, String number, Instant occurredAt, String clock,
                              Instant dueAt, Category category, Severity severity, String slaPolicy) {
    }

    /** Compensation, when given, is a decimal string with its currency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolved(UUID clientId, UUID complaintId, String number, Instant occurredAt, Category category,
                           Severity severity, RootCause rootCause, UUID solutionId, boolean withinSla,
                           long resolutionMinutes, String compensationAmount, String compensationCurrency,
                           String assigneeId) {
    }

    public record Closed(UUID clientId, UUID complaintId, String number, Instant occurredAt, Category category,
                         Severity severity, String by) {
    }

    public record Reopened(UUID clientId, UUID complaintId, String number, Instant occurredAt, Category category,
                           Severity severity, String reason, int reopenCount, ComplaintStatus from) {
    }

    /** gap = performance - expectation (docs/domain.md, "Complaint handling"): below zero the customer is dissatisfied. */
    public record SurveyAnswered(UUID clientId, UUID complaintId, String number, Instant occurredAt, int score,
                                 int performance, int expectation, int gap, Category category, Severity severity,
                                 String assigneeId, boolean reopened) {
    }

    public void received(Complaint c) {
        append(c, RECEIVED, new Received(c.clientId, c.id, c.number, c.receivedAt, c.channel, c.category, c.severity,
                c.orderId, c.assigneeId, c.slaPolicy, c.firstResponseDueAt, c.resolutionDueAt));
    }

    public void acknowledged(Complaint c, String by, boolean late) {
        append(c, ACKNOWLEDGED, new Acknowledged(c.clientId, c.id, c.number, c.acknowledgedAt, c.category,
                c.severity, by, late));
    }

    public void escalated(Complaint c, Instant at, String reason) {
        append(c, ESCALATED, new Escalated(c.clientId, c.id, c.number, at, c.escalationLevel, reason, c.category,
                c.severity, c.assigneeId));
    }

    public void slaBreached(Complaint c, Instant at, String clock, Instant dueAt) {
        append(c, SLA_BREACHED, new SlaBreached(c.clientId, c.id, c.number, at, clock, dueAt, c.category, c.severity,
                c.slaPolicy));
    }

    public void resolved(Complaint c, long resolutionMinutes) {
        append(c, RESOLVED, new Resolved(c.clientId, c.id, c.number, c.resolvedAt, c.category, c.severity,
                c.investigation == null ? null : c.investigation.rootCause(), c.solutionId, !c.resolutionBreached,
                resolutionMinutes,
                c.compensationAmount == null ? null
                        : new MoneyAmount(c.compensationAmount, c.compensationCurrency).toMoney().amount(),
                c.compensationAmount == null ? null : c.compensationCurrency, c.assigneeId));
    }

    public void closed(Complaint c, String by) {
        append(c, CLOSED, new Closed(c.clientId, c.id, c.number, c.closedAt, c.category, c.severity, by));
    }

    public void reopened(Complaint c, Instant at, String reason, ComplaintStatus from) {
        append(c, REOPENED, new Reopened(c.clientId, c.id, c.number, at, c.category, c.severity, reason,
                c.reopenCount, from));
    }

    /** A survey of the complaint was answered (the surveys feature's figures: score, performance, expectation, gap). */
    public void surveyAnswered(Complaint c, Instant answeredAt, int score, int performance, int expectation, int gap,
                               boolean reopened) {
        append(c, SURVEY_ANSWERED, new SurveyAnswered(c.clientId, c.id, c.number, answeredAt, score, performance,
                expectation, gap, c.category, c.severity, c.assigneeId, reopened));
    }

    private void append(Complaint c, String type, Object data) {
        outbox.append(config.topic(), type, c.clientId, data);
    }
}
