package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.clients.application.ComplaintReplica;
import com.example.crm.complaint.clients.domain.KnownClient;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.HistoryEntry;
import com.example.crm.complaint.handling.domain.Severity;
import com.example.crm.complaint.handling.domain.SlaClocks;
import com.example.crm.complaint.handling.domain.SlaPolicy;
import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import com.example.crm.complaint.handling.persistence.HistoryRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.example.crm.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Complaints from intake to closing: the handling steps of docs/domain.md, "Complaint handling" (listened,
 * investigated, resolved, followed up), every transition timestamped with its actor, the SLA clocks kept current.
 * Handlers (crm-service), managers and admins act on any complaint; a sales rep on those assigned to them. The
 * complaint's own rules (which step may follow, what a resolution needs) are methods of {@link Complaint}; this
 * class runs each command in its transaction. It has more than eight collaborators because every step touches the
 * same ones — the SLA policy and clocks, the history, the events, and at resolution the survey and the knowledge
 * base — and splitting the steps apart would pass them all around; follow-ups, which need none of them, are
 * {@link FollowUps}. For the same reason it is a little over 300 lines: one short method per step.
 */
@ApplicationScoped
public class ComplaintService {

    /** The roles that may choose who handles a complaint (at intake and by reassignment). */
    private static final String[] ASSIGNERS = {Roles.ADMIN, Roles.MANAGER, Roles.SERVICE};

    private final ComplaintRepository complaints;
    private final HistoryRepository historyEntries;
    private final SolutionCatalogue solutions;
    private final ComplaintReplica replica;
    private final SlaPolicy policy;
    private final SlaClocks clocks;
    private final SatisfactionSurveys surveys;
    private final ComplaintHistory history;
    private final ComplaintEvents events;
    private final BusinessCalendar calendar;
    private final CurrentUser user;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, HistoryRepository historyEntries,
                            SolutionCatalogue solutions, ComplaintReplica replica,
                            SlaPolicy policy, SlaClocks clocks, SatisfactionSurveys surveys, ComplaintHistory history,
                            ComplaintEvents events, BusinessCalendar calendar, CurrentUser user, Clock clock) {
        this.complaints = complaints;
        this.historyEntries = historyEntries;
        this.solutions = solutions;
        this.replica = replica;
        this.policy = policy;
        this.clocks = clocks;
        this.surveys = surveys;
        this.history = history;
        this.events = events;
        this.calendar = calendar;
        this.user = user;
        this.clock = clock;
    }

    /** A resolved complaint and the token that opens its survey (shown once). */
    public record Resolved(Complaint complaint, String surveyToken) {
    }

    @Transactional
    public Complaint intake(ComplaintCommands.Intake input) {
        replica.visible(input.clientId()); // a client outside the caller's data scope does not exist for them
        KnownClient client = replica.writable(input.clientId());
        Instant now = clock.instant();
        Instant receivedAt = policy.clockStart(input.receivedAt() == null ? now
                : input.receivedAt().toInstant().truncatedTo(ChronoUnit.MICROS), now);
        if (input.assigneeId() != null && !user.hasAnyRole(ASSIGNERS)) {
            throw new DomainException.AccessDenied("only complaint handlers, managers and admins assign a complaint");
        }
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.number = complaints.nextNumber(calendar.dayOf(receivedAt).getYear());
        c.clientId = client.id;
        c.channel = input.channel();
        c.category = input.category();
        c.severity = input.severity();
        c.subject = input.subject();
        c.customerWords = input.customerWords();
        c.orderId = input.orderId();
        c.receivedAt = receivedAt;
        c.assigneeId = input.assigneeId() != null ? input.assigneeId()
                : user.hasAnyRole(Roles.SERVICE) ? user.id() : null;
        c.status = ComplaintStatus.RECEIVED;
        c.resolutionClockStart = receivedAt;
        c.createdAt = now;
        c.createdBy = user.id();
        clocks.retarget(c, policy.targets(c.severity, client));
        complaints.persistAndFlush(c);
        history.record(c, now, user.id(), "RECEIVED", null, "channel", c.channel, "severity", c.severity,
                "slaPolicy", c.slaPolicy);
        events.received(c);
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Complaint get(UUID id) {
        return complaints.findByIdOptional(id).filter(c -> user.id().equals(c.assigneeId) || replica.sees(c.clientId))
                .orElseThrow(() -> new DomainException.NotFound("complaint", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Complaint> list(ComplaintRepository.Filter filter, ComplaintRepository.After after, int limit) {
        return complaints.page(filter, replica.scopeOf("clientId"), after, limit + 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(UUID id, Long after, int limit) {
        get(id);
        return historyEntries.page(id, after, limit + 1);
    }

    /** Step 1: the customer was listened to; the first-response clock stops. */
    @Transactional
    public Complaint acknowledge(UUID id, ExpectedVersion expected, ComplaintCommands.Acknowledgement input) {
        Complaint c = changeable(id, expected);
        c.requireTransitionTo(ComplaintStatus.ACKNOWLEDGED);
        Instant now = clock.instant();
        ComplaintStatus from = c.status;
        c.status = ComplaintStatus.ACKNOWLEDGED;
        c.acknowledgedAt = now;
        c.acknowledgement = new Complaint.Acknowledgement(input.customerAccount(), user.id(), now);
        boolean late = clocks.pastDue(c, SlaClocks.FIRST_RESPONSE, now);
        breachIfLate(c, SlaClocks.FIRST_RESPONSE, late, now);
        clocks.refresh(c);
        history.record(c, now, user.id(), "ACKNOWLEDGED", from, "late", late);
        events.acknowledged(c, user.id(), late);
        return flush(c);
    }

    /** Step 2: root cause and finding; starts (or continues) the investigation. */
    @Transactional
    public Complaint investigate(UUID id, ExpectedVersion expected, ComplaintCommands.Investigation input) {
        Complaint c = changeable(id, expected);
        Instant now = clock.instant();
        ComplaintStatus from = c.status;
        if (c.status != ComplaintStatus.INVESTIGATING) {
            c.requireTransitionTo(ComplaintStatus.INVESTIGATING);
            c.status = ComplaintStatus.INVESTIGATING;
        }
        c.investigation = new Complaint.Investigation(input.rootCause(), input.finding(), input.toldCustomer(),
                user.id(), now);
        history.record(c, now, user.id(), "INVESTIGATED", from, "rootCause", input.rootCause());
        clocks.refresh(c);
        return flush(c);
    }

    /** Step 3: resolved with an apology and a resolution; needs the root cause. Opens the satisfaction survey. */
    @Transactional
    public Resolved resolve(UUID id, ExpectedVersion expected, ComplaintCommands.Resolution input) {
        Complaint c = changeable(id, expected);
        c.requireTransitionTo(ComplaintStatus.RESOLVED);
        c.requireRootCause();
        if (input.solutionId() != null) {
            solutions.use(input.solutionId());
            c.solutionId = input.solutionId();
        }
        if (c.waitingOnCustomer) {
            clocks.resume(c, clock.instant());
        }
        Instant now = clock.instant();
        ComplaintStatus from = c.status;
        boolean late = clocks.pastDue(c, SlaClocks.RESOLUTION, now);
        breachIfLate(c, SlaClocks.RESOLUTION, late, now);
        c.status = ComplaintStatus.RESOLVED;
        c.resolvedAt = now;
        c.resolution = new Complaint.Resolution(input.apologyGiven(), input.preferredResolution(), input.resolution(),
                user.id(), now);
        clocks.refresh(c);
        history.record(c, now, user.id(), "RESOLVED", from, "late", late, "solutionId", c.solutionId);
        long minutes = Duration.between(c.resolutionClockStart, now).toMinutes();
        events.resolved(c, minutes);
        String token = surveys.open(c);
        return new Resolved(flush(c), token);
    }

    /** Step 4: what the customer was given. */
    @Transactional
    public Complaint compensate(UUID id, ExpectedVersion expected, ComplaintCommands.Compensation input) {
        Complaint c = changeable(id, expected);
        c.requireAcknowledgedForCompensation();
        c.compensationType = input.type();
        c.compensationAmount = input.amount().decimal();
        c.compensationCurrency = input.amount().currency();
        history.record(c, clock.instant(), user.id(), "COMPENSATED", c.status, "type", input.type(),
                "amount", input.amount().amount(), "currency", input.amount().currency());
        return flush(c);
    }

    /** CLOSED, REOPENED or INVESTIGATING; other states are reached through their handling step. */
    @Transactional
    public Complaint transition(UUID id, ExpectedVersion expected, ComplaintCommands.Transition input) {
        Complaint c = changeable(id, expected);
        c.requireTransitionTo(input.to());
        Instant now = clock.instant();
        switch (input.to()) {
            case CLOSED -> {
                ComplaintStatus from = c.status;
                c.status = ComplaintStatus.CLOSED;
                c.closedAt = now;
                history.record(c, now, user.id(), "CLOSED", from, "reason", input.reason());
                events.closed(c, user.id());
            }
            case REOPENED -> reopen(c, now, user.id(), input.reason() == null ? "reopened" : input.reason());
            case INVESTIGATING -> {
                ComplaintStatus from = c.status;
                c.status = ComplaintStatus.INVESTIGATING;
                history.record(c, now, user.id(), "INVESTIGATING", from, "reason", input.reason());
            }
            default -> throw new DomainException.IllegalTransition(input.to()
                    + " is reached through its handling step (acknowledgement, resolution)")
                    .with("allowed", c.status.allowedNext().stream().sorted().toList());
        }
        clocks.refresh(c);
        return flush(c);
    }

    /** Reopens: a new resolution clock; used by staff and by a bad survey answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopen(Complaint c, Instant at, String actor, String reason) {
        ComplaintStatus from = c.status;
        c.status = ComplaintStatus.REOPENED;
        c.reopenCount++;
        c.resolvedAt = null;
        c.closedAt = null;
        clocks.restartResolution(c, at);
        history.record(c, at, actor, "REOPENED", from, "reason", reason);
        events.reopened(c, at, reason, from);
    }

    /** Waiting on the customer pauses the resolution clock; answering resumes it. */
    @Transactional
    public Complaint setWaiting(UUID id, ExpectedVersion expected, boolean waiting) {
        Complaint c = changeable(id, expected);
        c.requireCanWait();
        if (waiting == c.waitingOnCustomer) {
            return c;
        }
        Instant now = clock.instant();
        if (waiting) {
            clocks.pause(c, now);
        } else {
            clocks.resume(c, now);
        }
        history.record(c, now, user.id(), waiting ? "WAITING_ON_CUSTOMER" : "CUSTOMER_ANSWERED", c.status);
        return flush(c);
    }

    @Transactional
    public Complaint changeSeverity(UUID id, ExpectedVersion expected, ComplaintCommands.SeverityChange input) {
        Complaint c = changeable(id, expected);
        c.requireOpenForSeverityChange();
        Severity before = c.severity;
        c.severity = input.severity();
        clocks.retarget(c, policy.targets(c.severity, replica.writable(c.clientId)));
        history.record(c, clock.instant(), user.id(), "SEVERITY_CHANGED", c.status, "from", before, "to", c.severity,
                "reason", input.reason());
        return flush(c);
    }

    @Transactional
    public Complaint assign(UUID id, ExpectedVersion expected, String assignee) {
        Complaint c = changeable(id, expected);
        String before = c.assigneeId;
        c.assigneeId = assignee;
        history.record(c, clock.instant(), user.id(), "ASSIGNED", c.status, "from", before, "to", assignee);
        return flush(c);
    }

    private void breachIfLate(Complaint c, String clockName, boolean late, Instant now) {
        boolean already = clockName.equals(SlaClocks.FIRST_RESPONSE) ? c.firstResponseBreached : c.resolutionBreached;
        if (late && !already) {
            if (clockName.equals(SlaClocks.FIRST_RESPONSE)) {
                c.firstResponseBreached = true;
            } else {
                c.resolutionBreached = true;
            }
            Instant due = clockName.equals(SlaClocks.FIRST_RESPONSE) ? c.firstResponseDueAt : c.resolutionDueAt;
            history.record(c, now, "sla", "SLA_BREACHED", c.status, "clock", clockName);
            events.slaBreached(c, now, clockName, due);
        }
    }

    private Complaint changeable(UUID id, ExpectedVersion expected) {
        Complaint c = get(id);
        requireHandler(c);
        expected.check(c.version);
        return c;
    }

    /** Handlers (crm-service), managers and admins act on any complaint; others on those assigned to them. */
    void requireHandler(Complaint c) {
        if (!user.isSupervisor() && !user.hasAnyRole(Roles.SERVICE) && !user.id().equals(c.assigneeId)) {
            throw new DomainException.AccessDenied("only the assignee of complaint " + c.number
                    + ", a complaint handler, a manager or an admin may change it");
        }
    }

    private Complaint flush(Complaint c) {
        complaints.flush();
        return c;
    }
}
