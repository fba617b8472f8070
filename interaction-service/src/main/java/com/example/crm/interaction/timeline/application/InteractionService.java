package com.example.crm.interaction.timeline.application;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.timeline.domain.Direction;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.timeline.domain.InteractionKind;
import com.example.crm.interaction.timeline.persistence.InteractionRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CallerScope;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Logging contacts, the client's timeline and the daily to-do list (下次联系时间). */
@ApplicationScoped
public class InteractionService {

    private final InteractionRepository interactions;
    private final KnownClientRepository clients;
    private final ClientReplica replica;
    private final TimelineEvents events;
    private final PlannedVisits visitPlans;
    private final CurrentUser user;
    private final CallerScope scope;
    private final Clock clock;

    public InteractionService(InteractionRepository interactions, KnownClientRepository clients, ClientReplica replica,
                              TimelineEvents events, PlannedVisits visitPlans, CurrentUser user, Clock clock,
                              CallerScope scope) {
        this.scope = scope;
        this.interactions = interactions;
        this.clients = clients;
        this.replica = replica;
        this.events = events;
        this.visitPlans = visitPlans;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Logs a contact. A sales rep logs contacts for the clients they own; managers, admins and service staff
     * for any. The latest contact sets the client's next contact date.
     */
    @Transactional
    public Interaction log(UUID clientId, InteractionInput input) {
        // the latest contact is kept from what the row holds: it is locked
        KnownClient client = user.hasAnyRole(com.example.crm.platform.security.Roles.SERVICE)
                ? replica.writableForUpdate(replica.visible(clientId).id)
                : replica.editableForUpdate(clientId, "client " + clientId);
        Instant now = clock.instant();
        Instant occurredAt = input.occurredAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw new DomainException.InvalidValue("occurredAt", "must not be in the future (log a visit plan instead)");
        }
        if (input.checkIn() != null && input.kind() != InteractionKind.VISIT) {
            throw new DomainException.InvalidValue("checkIn", "only a VISIT has a check-in");
        }
        Interaction interaction = new Interaction();
        interaction.id = UUID.randomUUID();
        interaction.clientId = clientId;
        interaction.kind = input.kind();
        interaction.direction = input.direction() == null ? Direction.OUTBOUND : input.direction();
        interaction.occurredAt = occurredAt;
        interaction.durationMinutes = input.durationMinutes();
        interaction.staffId = input.staffId() == null ? user.id() : input.staffId();
        interaction.attendeeLevel = input.attendeeLevel() == null ? AttendeeLevel.SALES : input.attendeeLevel();
        interaction.contactPersonId = input.contactPersonId();
        interaction.contactName = input.contactName();
        interaction.subject = input.subject();
        interaction.notes = input.notes();
        interaction.outcome = input.outcome();
        interaction.nextStep = input.nextStep();
        interaction.nextContactOn = input.nextContactOn();
        if (input.checkIn() != null) {
            interaction.checkInLatitude = input.checkIn().latitude();
            interaction.checkInLongitude = input.checkIn().longitude();
            interaction.checkInAddress = input.checkIn().address();
            interaction.checkInAt = input.checkIn().at().toInstant().truncatedTo(ChronoUnit.MICROS);
        }
        interaction.createdAt = now;
        interaction.createdBy = user.id();
        interactions.persistAndFlush(interaction);
        client.contacted(occurredAt, input.nextContactOn());
        events.contactLogged(interaction);
        if (input.visitPlanId() != null) {
            visitPlans.completeWith(input.visitPlanId(), interaction);
        }
        return interaction;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Interaction get(UUID id) {
        return interactions.findByIdOptional(id).filter(i -> replica.sees(i.clientId))
                .orElseThrow(() -> new DomainException.NotFound("interaction", id));
    }

    /** One person's contacts, newest first: a sales rep reads their own; managers, admins, auditors and integrations anyone's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Interaction> activity(InteractionRepository.Filter filter, InteractionRepository.After after, int limit) {
        scope.requireSelfOrReaderInScope(filter.staffId(), "activity", com.example.crm.platform.security.Roles.AUDITOR,
                com.example.crm.platform.security.Roles.INTEGRATION);
        return timeline(filter, after, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Interaction> timeline(InteractionRepository.Filter filter, InteractionRepository.After after, int limit) {
        if (filter.clientId() != null) {
            replica.visible(filter.clientId());
        }
        return interactions.page(filter, after, limit + 1);
    }

    /** The clients {@code assignee} should contact on {@code day}: due that day or overdue, most overdue first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnownClient> todo(String assignee, LocalDate day, KnownClientRepository.After after, int limit) {
        scope.requireSelfOrReaderInScope(assignee, "to-do list", com.example.crm.platform.security.Roles.AUDITOR,
                com.example.crm.platform.security.Roles.INTEGRATION);
        return clients.dueForContact(assignee, day, after, limit + 1);
    }
}
