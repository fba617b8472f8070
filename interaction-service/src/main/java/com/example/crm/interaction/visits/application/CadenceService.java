package com.example.crm.interaction.visits.application;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.visits.domain.Cadence;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.domain.VisitPlanStatus;
import com.example.crm.interaction.visits.persistence.CadenceRepository;
import com.example.crm.interaction.visits.persistence.VisitPlanRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.replica.SegmentClassification;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Revisit cadences (docs/domain.md, "Visits and cadences"): a client is visited every N days or weekly; completing or
 * missing a visit schedules the next one. Segmentation's value tier KEY implies a weekly cadence with supervisor
 * visits, unless a user set a cadence by hand: a manual cadence always wins. Nine collaborators: a cadence reads the
 * client (replica, table) and the open plans, plans the next visit and announces it, and needs the configuration
 * (KEY tier interval), the business calendar, the clock and the caller.
 */
@ApplicationScoped
public class CadenceService {

    static final String KEY_TIER = "KEY";

    private final CadenceRepository cadences;
    private final VisitPlanRepository plans;
    private final KnownClientRepository clients;
    private final ClientReplica replica;
    private final VisitEvents events;
    private final InteractionConfig config;
    private final BusinessCalendar calendar;
    private final CurrentUser user;
    private final Clock clock;

    public CadenceService(CadenceRepository cadences, VisitPlanRepository plans, KnownClientRepository clients,
                          ClientReplica replica, VisitEvents events, InteractionConfig config,
                          BusinessCalendar calendar, CurrentUser user, Clock clock) {
        this.cadences = cadences;
        this.plans = plans;
        this.clients = clients;
        this.replica = replica;
        this.events = events;
        this.config = config;
        this.calendar = calendar;
        this.user = user;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cadence> get(UUID clientId) {
        replica.visible(clientId);
        return cadences.findByIdOptional(clientId);
    }

    /** Sets a cadence by hand; from now on segmentation's tier does not change it. */
    @Transactional
    public Cadence setManual(UUID clientId, VisitPlanInputs.Cadence input) {
        KnownClient client = replica.ownersWritable(clientId, "client " + clientId);
        boolean weekly = Boolean.TRUE.equals(input.weekly());
        if (weekly == (input.intervalDays() != null)) {
            throw new DomainException.InvalidValue("intervalDays", "give either intervalDays or \"weekly\": true");
        }
        if (!weekly && input.dayOfWeek() != null) {
            throw new DomainException.InvalidValue("dayOfWeek", "only a weekly cadence has a day of the week");
        }
        AttendeeLevel level = input.attendeeLevel() == null ? AttendeeLevel.SALES : input.attendeeLevel();
        Cadence cadence = save(client, weekly ? 7 : input.intervalDays(), input.dayOfWeek(), level, Cadence.Source.MANUAL,
                user.id());
        ensurePlanned(client, cadence);
        return cadence;
    }

    /** Removes a manual cadence; a KEY-tier client falls back to segmentation's default. */
    @Transactional
    public Optional<Cadence> clearManual(UUID clientId) {
        KnownClient client = replica.ownersWritable(clientId, "client " + clientId);
        Cadence cadence = cadences.findById(clientId);
        if (cadence == null || cadence.source != Cadence.Source.MANUAL) {
            return Optional.ofNullable(cadence);
        }
        cadences.delete(cadence);
        cadences.flush();
        if (KEY_TIER.equals(client.valueTier)) {
            return Optional.of(segmentDefault(client));
        }
        events.cadenceChanged(clientId, null, clock.instant());
        return Optional.empty();
    }

    /**
     * Applies segmentation's classification of a client (crm.segment.v1 client-classified): kept on the replica
     * ({@link ClientReplica#applyClassification}); one older than the one applied changes nothing; tier KEY sets
     * the weekly default cadence (unless a manual one exists), leaving KEY removes the default. Applying the same
     * tier again changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClassification(SegmentClassification classification) {
        KnownClient client = replica.applyClassification(classification).orElse(null);
        if (client == null || !client.isWritable()) {
            return;
        }
        UUID clientId = client.id;
        String valueTier = client.valueTier;
        Cadence cadence = cadences.findById(clientId);
        if (KEY_TIER.equals(valueTier)) {
            if (cadence == null || cadence.source == Cadence.Source.SEGMENT) {
                segmentDefault(client);
            }
        } else if (cadence != null && cadence.source == Cadence.Source.SEGMENT) {
            cadences.delete(cadence);
            events.cadenceChanged(clientId, null, clock.instant());
        }
    }

    private Cadence segmentDefault(KnownClient client) {
        Cadence cadence = save(client, config.visits().keyTierIntervalDays(), null, AttendeeLevel.SUPERVISOR,
                Cadence.Source.SEGMENT, "segmentation");
        ensurePlanned(client, cadence);
        return cadence;
    }

    /** Creates or changes the cadence; announces it only when its rhythm, level or source changed. */
    private Cadence save(KnownClient client, int intervalDays, DayOfWeek dayOfWeek, AttendeeLevel level,
                         Cadence.Source source, String by) {
        Cadence cadence = cadences.findById(client.id);
        if (cadence != null && cadence.sameRhythm(intervalDays, dayOfWeek, level) && cadence.source == source) {
            return cadence;
        }
        boolean created = cadence == null;
        if (created) {
            cadence = new Cadence();
            cadence.clientId = client.id;
        }
        cadence.intervalDays = intervalDays;
        cadence.dayOfWeek = dayOfWeek;
        cadence.attendeeLevel = level;
        cadence.source = source;
        cadence.setBy = by;
        cadence.setAt = clock.instant();
        if (created) {
            cadences.persist(cadence);
        }
        cadences.flush();
        events.cadenceChanged(client.id, cadence, cadence.setAt);
        return cadence;
    }

    /** A client with a cadence and an owner always has a next visit planned: from its last contact, or today. */
    private void ensurePlanned(KnownClient client, Cadence cadence) {
        if (client.ownerId == null || plans.nextOpen(client.id).isPresent()) {
            return;
        }
        LocalDate from = client.lastContactAt == null ? calendar.today().minusDays(cadence.intervalDays)
                : calendar.dayOf(client.lastContactAt);
        schedule(client.id, cadence, cadence.nextAfter(from), client.ownerId);
    }

    /**
     * After a visit on {@code day} (or a missed plan of that day), plans the next one from the cadence for
     * {@code assignee}, unless the client has none or already has an open plan; never before today.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<VisitPlan> scheduleNext(UUID clientId, LocalDate day, String assignee) {
        Cadence cadence = cadences.findById(clientId);
        KnownClient client = clients.findById(clientId);
        if (cadence == null || client == null || !client.isWritable() || plans.nextOpen(clientId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(schedule(clientId, cadence, cadence.nextAfter(day), assignee));
    }

    private VisitPlan schedule(UUID clientId, Cadence cadence, LocalDate day, String assignee) {
        LocalDate today = calendar.today();
        VisitPlan plan = new VisitPlan();
        plan.id = UUID.randomUUID();
        plan.clientId = clientId;
        plan.plannedOn = day.isBefore(today) ? today : day;
        plan.purpose = cadence.dayOfWeek != null || cadence.intervalDays == 7 ? "weekly visit"
                : "revisit every " + cadence.intervalDays + " days";
        plan.assigneeId = assignee;
        plan.attendeeLevel = cadence.attendeeLevel;
        plan.status = VisitPlanStatus.PLANNED;
        plan.source = VisitPlan.Source.CADENCE;
        plan.createdAt = clock.instant();
        plan.createdBy = "cadence";
        plans.persist(plan);
        plans.flush();
        events.visitPlanned(plan, plan.createdAt, false);
        return plan;
    }
}
