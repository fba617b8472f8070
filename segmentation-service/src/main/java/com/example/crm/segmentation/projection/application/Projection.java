package com.example.crm.segmentation.projection.application;

import com.example.crm.contract.client.CardFacts;
import com.example.crm.contract.client.CardFacts.Fact;
import com.example.crm.contract.client.ClientChanges;
import com.example.crm.contract.complaint.ComplaintEventTypes;
import com.example.crm.contract.complaint.ComplaintEvents.Received;
import com.example.crm.contract.complaint.ComplaintEvents.Reopened;
import com.example.crm.contract.complaint.ComplaintEvents.Resolved;
import com.example.crm.contract.complaint.ComplaintEvents.SlaBreached;
import com.example.crm.contract.complaint.ComplaintEvents.SurveyAnswered;
import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.contract.interaction.InteractionEvents;
import com.example.crm.contract.interaction.InteractionEvents.Allocation;
import com.example.crm.contract.interaction.InteractionEvents.ContactLogged;
import com.example.crm.contract.interaction.InteractionEvents.OrderCancelled;
import com.example.crm.contract.interaction.InteractionEvents.OrderPlaced;
import com.example.crm.contract.interaction.InteractionEvents.PaymentOverdue;
import com.example.crm.contract.interaction.InteractionEvents.PaymentRecorded;
import com.example.crm.contract.interaction.InteractionEvents.VisitMissed;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.segmentation.projection.persistence.FactRepository;
import com.example.crm.segmentation.projection.persistence.ProjectionRepository.CardColumn;
import com.example.crm.segmentation.projection.persistence.ProjectionRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The per-client projection (docs/domain.md, "Events and service boundaries": segmentation reads every topic):
 * card facts from {@code crm.client.v1}, contacts, orders, overdue instalments and missed visits from
 * {@code crm.interaction.v1}, complaints and surveys from {@code crm.complaint.v1}. Every write is idempotent on its
 * own key; the inbox records event ids alongside.
 */
@ApplicationScoped
public class Projection {

    private final ProjectionRepository projection;
    private final FactRepository facts;
    private final CloudEvents cloudEvents;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Projection(ProjectionRepository projection, FactRepository facts, CloudEvents cloudEvents,
                      ObjectMapper mapper, Clock clock) {
        this.projection = projection;
        this.facts = facts;
        this.cloudEvents = cloudEvents;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClientEvent(CloudEvent event) {
        ClientChange change = ClientChanges.from(event);
        Instant now = clock.instant();
        UUID id = change.clientId();
        if (change.kind() == ClientChange.Kind.REGISTERED) {
            CardFacts card = CardFacts.ofRegistration(event.data());
            projection.register(id, change.version(), change.legalName(), change.status(), change.ownerId(),
                    card.industry(), card.province(), card.city(), json(card.tags()), card.relationshipLevel(), now);
            return;
        }
        long held = projection.cardVersion(id);
        if (held < 0) {
            return; // not registered here
        }
        if (change.kind() == ClientChange.Kind.ERASED) {
            projection.erase(id, now);
            return;
        }
        if (!change.newerThan(held)) {
            return;
        }
        switch (change.kind()) {
            case UPDATED -> {
                CardFacts changes = CardFacts.ofUpdate(event.data());
                long version = change.version();
                if (changes.has(Fact.LEGAL_NAME)) {
                    projection.setCard(id, version, CardColumn.LEGAL_NAME, changes.legalName(), now);
                }
                if (changes.has(Fact.INDUSTRY)) {
                    projection.setCard(id, version, CardColumn.INDUSTRY, changes.industry(), now);
                }
                if (changes.has(Fact.RELATIONSHIP_LEVEL)) {
                    projection.setCard(id, version, CardColumn.RELATIONSHIP_LEVEL, changes.relationshipLevel(), now);
                }
                if (changes.has(Fact.ADDRESS)) {
                    projection.setCard(id, version, CardColumn.PROVINCE, changes.province(), now);
                    projection.setCard(id, version, CardColumn.CITY, changes.city(), now);
                }
                if (changes.has(Fact.TAGS)) {
                    projection.setCard(id, version, CardColumn.TAGS, json(changes.tags()), now);
                }
            }
            case STATUS_CHANGED -> {
                Instant changedAt = ClientChanges.changedAt(event);
                projection.status(id, change.version(), change.status(), changedAt == null ? now : changedAt);
            }
            case OWNER_CHANGED -> projection.setCard(id, change.version(), CardColumn.OWNER, change.ownerId(), now);
            case DELETED -> projection.setCard(id, change.version(), CardColumn.DELETED, true, now);
            case RESTORED -> projection.setCard(id, change.version(), CardColumn.DELETED, false, now);
            case MERGED -> projection.merge(id, change.mergedId(), now);
            default -> {
            }
        }
        projection.setVersion(id, change.version(), now);
    }

    /**
     * Before facts of these events' clients are written: a merge of one of them (read by the card consumer, in
     * another transaction) waits until they are committed and then moves them, or has committed and they go to the
     * survivor. Without it, a fact written while its client is being merged could stay with the merged-away client.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockClientsOfFacts(List<CloudEvent> events) {
        projection.lockClientsShared(events.stream().map(CloudEvent::subject).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyInteractionEvent(CloudEvent event) {
        switch (event.type()) {
            case InteractionEventTypes.CONTACT_LOGGED -> {
                ContactLogged contact = cloudEvents.data(event, ContactLogged.class);
                facts.contact(contact.clientId(), contact.occurredAt(), contact.outcome());
            }
            case InteractionEventTypes.ORDER_PLACED -> {
                OrderPlaced order = cloudEvents.data(event, OrderPlaced.class);
                facts.order(order.orderId(), order.clientId(), order.occurredAt(),
                        InteractionEvents.decimal(order.amount(), "amount"), order.currency());
            }
            case InteractionEventTypes.ORDER_CANCELLED -> facts.cancelOrder(cloudEvents.data(event, OrderCancelled.class).orderId());
            case InteractionEventTypes.PAYMENT_OVERDUE -> {
                PaymentOverdue overdue = cloudEvents.data(event, PaymentOverdue.class);
                facts.overdue(overdue.instalmentId(), overdue.clientId(),
                        InteractionEvents.decimal(overdue.outstanding(), "outstanding"), overdue.currency());
            }
            case InteractionEventTypes.PAYMENT_RECORDED -> {
                for (Allocation allocation : cloudEvents.data(event, PaymentRecorded.class).allocations()) {
                    facts.paid(allocation.instalmentId(), InteractionEvents.decimal(allocation.amount(), "allocations[].amount"));
                }
            }
            case InteractionEventTypes.VISIT_MISSED -> {
                VisitMissed missed = cloudEvents.data(event, VisitMissed.class);
                facts.missedVisit(missed.planId(), missed.clientId(), missed.plannedOn());
            }
            default -> {
                // visits planned or completed, cadences: not needed for classification
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyComplaintEvent(CloudEvent event) {
        switch (event.type()) {
            case ComplaintEventTypes.RECEIVED -> {
                Received received = cloudEvents.data(event, Received.class);
                facts.complaintReceived(received.complaintId(), received.clientId(), received.occurredAt());
            }
            case ComplaintEventTypes.RESOLVED -> {
                Resolved resolved = cloudEvents.data(event, Resolved.class);
                facts.complaintOpen(resolved.complaintId(), false);
                if (resolved.compensation() != null) {
                    facts.complaintCompensation(resolved.complaintId(), resolved.compensation(),
                            resolved.compensationCurrency());
                }
            }
            case ComplaintEventTypes.REOPENED -> facts.complaintOpen(cloudEvents.data(event, Reopened.class).complaintId(), true);
            case ComplaintEventTypes.SLA_BREACHED -> facts.complaintBreached(cloudEvents.data(event, SlaBreached.class).complaintId());
            case ComplaintEventTypes.SURVEY_ANSWERED -> {
                SurveyAnswered survey = cloudEvents.data(event, SurveyAnswered.class);
                facts.survey(survey.complaintId(), survey.score(), survey.gap());
            }
            default -> {
                // acknowledged, escalated, closed: not needed for classification
            }
        }
    }

    /** Tags as the projection stores them (a JSON array). */
    private String json(List<String> tags) {
        try {
            return mapper.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
