package com.example.crm.interaction.visits.application;

import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.contract.interaction.InteractionEvents.CadenceChanged;
import com.example.crm.contract.interaction.InteractionEvents.VisitCancelled;
import com.example.crm.contract.interaction.InteractionEvents.VisitCompleted;
import com.example.crm.contract.interaction.InteractionEvents.VisitMissed;
import com.example.crm.contract.interaction.InteractionEvents.VisitPlanned;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.visits.domain.Cadence;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The events of {@code crm.interaction.v1} about visit plans and cadences, written through the outbox in the caller's
 * transaction; documented in the service's contract artifact ({@code contract/}) and checked against what is emitted.
 * Personal text (notes, subjects, purposes) stays out.
 */
@ApplicationScoped
public class VisitEvents {

    public static final String VISIT_PLANNED = InteractionEventTypes.VISIT_PLANNED;
    public static final String VISIT_COMPLETED = InteractionEventTypes.VISIT_COMPLETED;
    public static final String VISIT_MISSED = InteractionEventTypes.VISIT_MISSED;
    public static final String VISIT_CANCELLED = InteractionEventTypes.VISIT_CANCELLED;
    public static final String CADENCE_CHANGED = InteractionEventTypes.CADENCE_CHANGED;

    private final Outbox outbox;
    private final InteractionConfig config;

    public VisitEvents(Outbox outbox, InteractionConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void visitPlanned(VisitPlan p, Instant at, boolean rescheduled) {
        append(p.clientId, VISIT_PLANNED, new VisitPlanned(p.clientId, p.id, at,
                p.plannedOn, p.plannedAt, p.assigneeId, name(p.attendeeLevel), name(p.source), rescheduled));
    }

    public void visitCompleted(VisitPlan p, Interaction i) {
        append(p.clientId, VISIT_COMPLETED, new VisitCompleted(p.clientId, p.id, i.id, p.completedAt, p.plannedOn,
                i.occurredAt, p.assigneeId, name(p.attendeeLevel)));
    }

    public void visitMissed(VisitPlan p) {
        append(p.clientId, VISIT_MISSED, new VisitMissed(p.clientId, p.id, p.missedAt, p.plannedOn, p.assigneeId,
                name(p.attendeeLevel)));
    }

    public void visitCancelled(VisitPlan p) {
        append(p.clientId, VISIT_CANCELLED, new VisitCancelled(p.clientId, p.id, p.cancelledAt, p.plannedOn,
                p.assigneeId));
    }

    public void cadenceChanged(UUID clientId, Cadence c, Instant at) {
        append(clientId, CADENCE_CHANGED, c == null ? new CadenceChanged(clientId, at, true, null, null, null, null)
                : new CadenceChanged(clientId, at, false, c.intervalDays, c.dayOfWeek, name(c.attendeeLevel),
                        name(c.source)));
    }

    private void append(UUID clientId, String type, Object data) {
        outbox.append(config.topic(), type, clientId, data);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
