package com.example.crm.interaction.visits.application;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.timeline.application.PlannedVisits;
import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.timeline.persistence.InteractionRepository;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.domain.VisitPlanStatus;
import com.example.crm.interaction.visits.persistence.VisitPlanRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.security.CallerScope;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.example.crm.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Visit plans (访问计划): planned, rescheduled, completed by the contact that fulfilled them, cancelled, or marked
 * MISSED by a recurring check once their day has passed; the cadence plans the next one. Also the week's agenda and
 * the development of prospects. Nine collaborators: a plan reads the client (replica, table), the contact that
 * fulfils it and the cadence that follows it, announces itself, and needs the business calendar, the clock and the
 * caller; four of them are the same infrastructure every command here takes.
 */
@ApplicationScoped
public class VisitPlanService implements PlannedVisits {

    private static final Logger LOG = Logger.getLogger(VisitPlanService.class);
    private static final int MISSED_BATCH = 200;
    private static final int AGENDA_LIMIT = 500;

    private final VisitPlanRepository plans;
    private final InteractionRepository interactions;
    private final KnownClientRepository clients;
    private final ClientReplica replica;
    private final CadenceService cadences;
    private final VisitEvents events;
    private final BusinessCalendar calendar;
    private final CurrentUser user;
    private final CallerScope scope;
    private final Clock clock;

    public VisitPlanService(VisitPlanRepository plans, InteractionRepository interactions, KnownClientRepository clients,
                            ClientReplica replica, CadenceService cadences, VisitEvents events,
                            BusinessCalendar calendar, CurrentUser user, Clock clock,
                            CallerScope scope) {
        this.scope = scope;
        this.plans = plans;
        this.interactions = interactions;
        this.clients = clients;
        this.replica = replica;
        this.cadences = cadences;
        this.events = events;
        this.calendar = calendar;
        this.user = user;
        this.clock = clock;
    }

    /** A week of a rep's agenda: overdue open plans first, then the week's plans by day and time. */
    public record Agenda(String assignee, String week, LocalDate from, LocalDate to, LocalDate today,
                         List<VisitPlanRepository.AgendaRow> rows) {
    }

    /**
     * Plans a visit. A sales rep plans visits to clients they own, for themselves; managers and admins for anyone.
     * The attendee level defaults to the client's cadence's level.
     */
    @Transactional
    public VisitPlan plan(UUID clientId, VisitPlanInputs.Plan input) {
        KnownClient client = replica.editable(clientId, "client " + clientId);
        String assignee = input.assigneeId() == null ? user.id() : input.assigneeId();
        if (!assignee.equals(user.id()) && !user.isSupervisor()) {
            throw new DomainException.AccessDenied("a sales rep plans visits for themselves; a manager assigns others");
        }
        VisitPlan plan = new VisitPlan();
        plan.id = UUID.randomUUID();
        plan.clientId = clientId;
        schedule(plan, input.plannedOn(), input.plannedAt());
        plan.purpose = input.purpose();
        plan.assigneeId = assignee;
        plan.attendeeLevel = input.attendeeLevel() != null ? input.attendeeLevel()
                : cadences.get(clientId).map(c -> c.attendeeLevel).orElse(AttendeeLevel.SALES);
        plan.status = VisitPlanStatus.PLANNED;
        plan.source = VisitPlan.Source.MANUAL;
        plan.createdAt = clock.instant();
        plan.createdBy = user.id();
        plans.persistAndFlush(plan);
        events.visitPlanned(plan, plan.createdAt, false);
        return plan;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitPlan get(UUID id) {
        return plans.findByIdOptional(id).filter(p -> replica.sees(p.clientId))
                .orElseThrow(() -> new DomainException.NotFound("visit plan", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisitPlan> list(UUID clientId, VisitPlanStatus status, VisitPlanRepository.After after, int limit) {
        replica.visible(clientId);
        return plans.page(clientId, status, after, limit + 1);
    }

    /** Moves a planned visit to another day or time (announced again as visit-planned, rescheduled). */
    @Transactional
    public VisitPlan reschedule(UUID id, ExpectedVersion expected, VisitPlanInputs.Reschedule input) {
        VisitPlan plan = changeable(id, expected, VisitPlanStatus.PLANNED);
        schedule(plan, input.plannedOn(), input.plannedAt());
        plans.flush();
        events.visitPlanned(plan, clock.instant(), true);
        return plan;
    }

    @Transactional
    public VisitPlan cancel(UUID id, ExpectedVersion expected, String reason) {
        VisitPlan plan = changeable(id, expected, VisitPlanStatus.CANCELLED);
        plan.cancel(clock.instant(), reason);
        plans.flush();
        events.visitCancelled(plan);
        return plan;
    }

    /** Completes a plan with the contact that fulfilled it; the cadence plans the next visit. */
    @Transactional
    public VisitPlan complete(UUID id, ExpectedVersion expected, UUID interactionId) {
        VisitPlan plan = changeable(id, expected, VisitPlanStatus.DONE);
        Interaction interaction = interactions.findByIdOptional(interactionId)
                .orElseThrow(() -> new DomainException.InvalidValue("interactionId", "no contact " + interactionId));
        return fulfil(plan, interaction);
    }

    /** Completes a plan named when logging the contact that fulfilled it (same transaction as the contact). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeWith(UUID planId, Interaction interaction) {
        VisitPlan plan = plans.findByIdOptional(planId)
                .orElseThrow(() -> new DomainException.InvalidValue("visitPlanId", "no visit plan " + planId));
        requireMayChange(plan);
        plan.requireTransitionTo(VisitPlanStatus.DONE);
        fulfil(plan, interaction);
    }

    private VisitPlan fulfil(VisitPlan plan, Interaction interaction) {
        if (!interaction.clientId.equals(plan.clientId)) {
            throw new DomainException.InvalidValue("interactionId", "the contact is with another client");
        }
        if (plans.count("interactionId", interaction.id) > 0) {
            throw new DomainException.Conflict("contact " + interaction.id + " already fulfilled a plan");
        }
        plan.complete(interaction.clientId, interaction.id, clock.instant());
        plans.flush();
        events.visitCompleted(plan, interaction);
        cadences.scheduleNext(plan.clientId, calendar.dayOf(interaction.occurredAt), plan.assigneeId);
        return plan;
    }

    /**
     * Marks open plans of days before {@code today} as MISSED and announces each once, in batches of their own
     * transactions; the cadence plans the next visit. Safe to run on several replicas at once.
     */
    public int markMissed(LocalDate today) {
        int missed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<VisitPlan> past = plans.lockPastOpen(today, MISSED_BATCH);
                Instant now = clock.instant();
                for (VisitPlan plan : past) {
                    plan.miss(now);
                    events.visitMissed(plan);
                }
                plans.flush();
                for (VisitPlan plan : past) {
                    cadences.scheduleNext(plan.clientId, plan.plannedOn, plan.assigneeId);
                }
                return past.size();
            });
            missed += batch;
        } while (batch == MISSED_BATCH);
        if (missed > 0) {
            LOG.infof("%d visit plans were missed before %s", missed, today);
        }
        return missed;
    }

    /** {@code assignee}'s agenda for an ISO week ({@code 2026-W48}; null: this week). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Agenda agenda(String assignee, String week) {
        scope.requireSelfOrReaderInScope(assignee, "agenda", Roles.AUDITOR);
        LocalDate today = calendar.today();
        LocalDate monday;
        if (week == null) {
            monday = today.with(DayOfWeek.MONDAY);
        } else {
            try {
                monday = LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            } catch (DateTimeParseException e) {
                throw new DomainException.InvalidValue("week", "must be an ISO week like 2026-W48");
            }
        }
        LocalDate sunday = monday.plusDays(6);
        String iso = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<VisitPlanRepository.AgendaRow> rows = plans.agenda(assignee, today, monday, sunday, AGENDA_LIMIT);
        List<VisitPlanRepository.AgendaRow> ordered = new ArrayList<>();
        rows.stream().filter(r -> r.plan().isOverdue(today)).forEach(ordered::add);
        rows.stream().filter(r -> !r.plan().isOverdue(today) && !r.plan().plannedOn.isBefore(monday)).forEach(ordered::add);
        return new Agenda(assignee, iso, monday, sunday, today, ordered);
    }

    /** {@code owner}'s prospects with visits so far and the next planned visit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnownClientRepository.Prospect> prospects(String owner, KnownClientRepository.ProspectAfter after,
                                                           int limit) {
        scope.requireSelfOrReaderInScope(owner, "prospect list", Roles.AUDITOR);
        return clients.prospects(owner, after, limit + 1);
    }

    private void schedule(VisitPlan plan, LocalDate plannedOn, OffsetDateTime plannedAt) {
        if (plannedOn == null && plannedAt == null) {
            throw new DomainException.InvalidValue("plannedOn", "give the day (plannedOn) or the time (plannedAt)");
        }
        Instant at = plannedAt == null ? null : plannedAt.toInstant().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = at == null ? plannedOn : calendar.dayOf(at);
        if (plannedOn != null && !plannedOn.equals(day)) {
            throw new DomainException.InvalidValue("plannedAt", "falls on " + day + " in " + calendar.zone()
                    + ", not on plannedOn " + plannedOn);
        }
        if (day.isBefore(calendar.today()) || (at != null && at.isBefore(clock.instant()))) {
            throw new DomainException.InvalidValue(at != null ? "plannedAt" : "plannedOn", "must not be in the past");
        }
        plan.plannedOn = day;
        plan.plannedAt = at;
    }

    private VisitPlan changeable(UUID id, ExpectedVersion expected, VisitPlanStatus to) {
        VisitPlan plan = get(id);
        requireMayChange(plan);
        expected.check(plan.version);
        plan.requireTransitionTo(to);
        return plan;
    }

    /** The plan's assignee, the client's owner, a manager or an admin may change a plan. */
    private void requireMayChange(VisitPlan plan) {
        if (user.id().equals(plan.assigneeId)) {
            replica.writable(plan.clientId);
        } else {
            replica.editable(plan.clientId, "the client of visit plan " + plan.id);
        }
    }
}
