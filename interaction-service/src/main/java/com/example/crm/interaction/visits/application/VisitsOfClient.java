package com.example.crm.interaction.visits.application;

import com.example.crm.interaction.visits.domain.Cadence;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.persistence.CadenceRepository;
import com.example.crm.interaction.visits.persistence.VisitPlanRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a client's visit plans and cadence do when the client changes hands, is merged or erased. The plans' rows
 * themselves move and are scrubbed with the other per-client tables ({@code InteractionClientTables}); the rules
 * here are the visits' own: open plans follow the owner or are cancelled, the survivor of a merge keeps its own
 * cadence, an erased client's planned visits are cancelled and its cadence removed. Each change is announced.
 */
@ApplicationScoped
public class VisitsOfClient implements ClientOwnedData {

    private final VisitPlanRepository plans;
    private final CadenceRepository cadences;
    private final VisitEvents events;
    private final Clock clock;

    public VisitsOfClient(VisitPlanRepository plans, CadenceRepository cadences, VisitEvents events, Clock clock) {
        this.plans = plans;
        this.cadences = cadences;
        this.events = events;
        this.clock = clock;
    }

    /** The cadence; the plans' rows move and are scrubbed with the other per-client tables. */
    @Override
    public Set<String> tableNames() {
        return Set.of("cadence");
    }

    /**
     * The previous owner's open visit plans for the client are handed to the new owner, or cancelled when the
     * client has no owner any more (returned to a pool): never left orphaned.
     */
    @Override
    public void ownerChanged(UUID clientId, String from, String to) {
        if (from == null || from.equals(to)) {
            return;
        }
        Instant now = clock.instant();
        for (VisitPlan plan : plans.openOf(clientId, from)) {
            if (to != null) {
                plan.assigneeId = to;
                events.visitPlanned(plan, now, true);
            } else {
                plan.cancel(now, "the client no longer has an owner");
                events.visitCancelled(plan);
            }
        }
        plans.flush();
    }

    /** The survivor keeps its own cadence; it takes the merged one's only when it has none. */
    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        Cadence mergedCadence = cadences.findById(mergedId);
        if (mergedCadence == null) {
            return;
        }
        if (cadences.findById(survivorId) == null) {
            Cadence moved = mergedCadence.copyFor(survivorId, clock.instant());
            cadences.persist(moved);
            events.cadenceChanged(survivorId, moved, moved.setAt);
        }
        cadences.delete(mergedCadence);
        cadences.flush();
    }

    @Override
    public void scrub(UUID clientId) {
        Instant now = clock.instant();
        for (VisitPlan plan : plans.plannedOf(clientId)) {
            plan.cancel(now, null);
            events.visitCancelled(plan);
        }
        cadences.deleteById(clientId);
        plans.flush();
    }
}
