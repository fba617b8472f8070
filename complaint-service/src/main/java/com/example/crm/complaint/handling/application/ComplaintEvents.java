package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.config.ComplaintConfig;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.contract.complaint.ComplaintEventTypes;
import com.example.crm.contract.complaint.ComplaintEvents.Acknowledged;
import com.example.crm.contract.complaint.ComplaintEvents.Closed;
import com.example.crm.contract.complaint.ComplaintEvents.Escalated;
import com.example.crm.contract.complaint.ComplaintEvents.Received;
import com.example.crm.contract.complaint.ComplaintEvents.Reopened;
import com.example.crm.contract.complaint.ComplaintEvents.Resolved;
import com.example.crm.contract.complaint.ComplaintEvents.SlaBreached;
import com.example.crm.contract.complaint.ComplaintEvents.SurveyAnswered;
import com.example.crm.platform.money.MoneyAmount;
import com.example.crm.platform.outbox.Outbox;
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

    public void received(Complaint c) {
        append(c, RECEIVED, new Received(c.clientId, c.id, c.number, c.receivedAt, name(c.channel), name(c.category),
                name(c.severity),
                c.orderId, c.assigneeId, c.slaPolicy, c.firstResponseDueAt, c.resolutionDueAt));
    }

    public void acknowledged(Complaint c, String by, boolean late) {
        append(c, ACKNOWLEDGED, new Acknowledged(c.clientId, c.id, c.number, c.acknowledgedAt, name(c.category),
                name(c.severity), by, late));
    }

    public void escalated(Complaint c, Instant at, String reason) {
        append(c, ESCALATED, new Escalated(c.clientId, c.id, c.number, at, name(c.escalationLevel), reason,
                name(c.category), name(c.severity), c.assigneeId));
    }

    public void slaBreached(Complaint c, Instant at, String clock, Instant dueAt) {
        append(c, SLA_BREACHED, new SlaBreached(c.clientId, c.id, c.number, at, clock, dueAt, name(c.category),
                name(c.severity), c.slaPolicy));
    }

    public void resolved(Complaint c, long resolutionMinutes) {
        append(c, RESOLVED, new Resolved(c.clientId, c.id, c.number, c.resolvedAt, name(c.category), name(c.severity),
                c.investigation == null ? null : name(c.investigation.rootCause()), c.solutionId, !c.resolutionBreached,
                resolutionMinutes,
                c.compensationAmount == null ? null
                        : new MoneyAmount(c.compensationAmount, c.compensationCurrency).toMoney().amount(),
                c.compensationAmount == null ? null : c.compensationCurrency, c.assigneeId));
    }

    public void closed(Complaint c, String by) {
        append(c, CLOSED, new Closed(c.clientId, c.id, c.number, c.closedAt, name(c.category), name(c.severity), by));
    }

    public void reopened(Complaint c, Instant at, String reason, ComplaintStatus from) {
        append(c, REOPENED, new Reopened(c.clientId, c.id, c.number, at, name(c.category), name(c.severity), reason,
                c.reopenCount, name(from)));
    }

    /** A survey of the complaint was answered (the surveys feature's figures: score, performance, expectation, gap). */
    public void surveyAnswered(Complaint c, Instant answeredAt, int score, int performance, int expectation, int gap,
                               boolean reopened) {
        append(c, SURVEY_ANSWERED, new SurveyAnswered(c.clientId, c.id, c.number, answeredAt, score, performance,
                expectation, gap, name(c.category), name(c.severity), c.assigneeId, reopened));
    }

    private void append(Complaint c, String type, Object data) {
        outbox.append(config.topic(), type, c.clientId, data);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
