package com.example.crm.interaction.domain;

import com.example.crm.interaction.messaging.InteractionEvents;
import com.example.crm.interaction.persistence.CadenceRepository;
import com.example.crm.interaction.persistence.KnownClientRepository;
import com.example.crm.interaction.persistence.VisitPlanRepository;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.replica.ClientReplicaSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The clients this service knows, kept from client-service's events ({@code crm.client.v1}). An event whose
 * card version is not newer than the replica's is a replay and changes nothing. A merge or an erasure reaches the
 * per-client tables through the {@link ClientOwnedData} beans ({@code InteractionClientTables} lists them, one line
 * each); the cadence and the plans still planned at an erasure follow their own rules here.
 */
@ApplicationScoped
public class ClientReplica extends ClientReplicaSupport<KnownClient> {

    private static final Logger LOG = Logger.getLogger(ClientReplica.class);

    private final KnownClientRepository clients;
    private final Instance<ClientOwnedData> ownedData;
    private final VisitPlanRepository plans;
    private final CadenceRepository cadences;
    private final InteractionEvents events;
    private final Clock clock;

    public ClientReplica(KnownClientRepository clients, Instance<ClientOwnedData> ownedData, VisitPlanRepository plans,
                         CadenceRepository cadences, InteractionEvents events, Clock clock) {
        this.clients = clients;
        this.ownedData = ownedData;
        this.plans = plans;
        this.cadences = cadences;
        this.events = events;
        this.clock = clock;
    }

    /** Applies one event of {@code crm.client.v1}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClientChange change) {
        applyChange(change);
    }

    @Override
    protected KnownClient find(UUID clientId) {
        return clients.findById(clientId);
    }

    @Override
    protected void register(ClientChange change) {
        KnownClient client = new KnownClient();
        client.id = change.clientId();
        client.version = change.version();
        client.legalName = change.legalName();
        client.status = change.status();
        client.ownerId = change.ownerId();
        client.updatedAt = clock.instant();
        clients.persist(client);
    }

    @Override
    protected void change(KnownClient client, ClientChange change) {
        switch (change.kind()) {
            case UPDATED -> {
                if (change.legalName() != null) {
                    client.legalName = change.legalName();
                }
            }
            case STATUS_CHANGED -> client.status = change.status();
            case OWNER_CHANGED -> changeOwner(client, change.ownerId());
            case DELETED -> client.deleted = true;
            case RESTORED -> client.deleted = false;
            case MERGED -> merge(client, change.mergedId());
            default -> LOG.debugf("client event %s not used here", change.kind());
        }
        client.version = change.version();
        client.updatedAt = clock.instant();
    }

    /**
     * The previous owner's open visit plans for the client are handed to the new owner, or cancelled when the
     * client has no owner any more (returned to a pool): never left orphaned.
     */
    private void changeOwner(KnownClient client, String to) {
        String from = client.ownerId;
        client.ownerId = to;
        if (from == null || from.equals(to)) {
            return;
        }
        Instant now = clock.instant();
        for (VisitPlan plan : plans.openOf(client.id, from)) {
            if (to != null) {
                plan.assigneeId = to;
                events.visitPlanned(plan, now, true);
            } else {
                plan.status = VisitPlanStatus.CANCELLED;
                plan.cancelledAt = now;
                plan.cancelReason = "the client no longer has an owner";
                events.visitCancelled(plan);
            }
        }
    }

    private void merge(KnownClient survivor, UUID mergedId) {
        KnownClient merged = clients.findById(mergedId);
        if (merged != null) {
            merged.mergedInto = survivor.id;
            merged.deleted = true;
            if (merged.lastContactAt != null
                    && (survivor.lastContactAt == null || merged.lastContactAt.isAfter(survivor.lastContactAt))) {
                survivor.lastContactAt = merged.lastContactAt;
                survivor.nextContactOn = merged.nextContactOn;
            }
            merged.nextContactOn = null;
        }
        clients.flush(); // the statements below run beside the session
        ownedData.forEach(data -> data.moveToClient(mergedId, survivor.id));
        Cadence mergedCadence = cadences.findById(mergedId);
        if (mergedCadence != null) {
            // the survivor keeps its own cadence; it takes the merged one's only when it has none
            if (cadences.findById(survivor.id) == null) {
                Cadence moved = new Cadence();
                moved.clientId = survivor.id;
                moved.intervalDays = mergedCadence.intervalDays;
                moved.dayOfWeek = mergedCadence.dayOfWeek;
                moved.attendeeLevel = mergedCadence.attendeeLevel;
                moved.source = mergedCadence.source;
                moved.setBy = mergedCadence.setBy;
                moved.setAt = clock.instant();
                cadences.persist(moved);
                events.cadenceChanged(survivor.id, moved, moved.setAt);
            }
            cadences.delete(mergedCadence);
        }
    }

    @Override
    protected void erase(KnownClient client) {
        client.legalName = null;
        client.erasedAt = clock.instant();
        client.updatedAt = client.erasedAt;
        clients.flush(); // the statements below run beside the session
        ownedData.forEach(data -> data.scrub(client.id));
        for (VisitPlan plan : plans.list("clientId = ?1 and status = ?2", client.id, VisitPlanStatus.PLANNED)) {
            plan.status = VisitPlanStatus.CANCELLED;
            plan.cancelledAt = client.erasedAt;
            events.visitCancelled(plan);
        }
        cadences.deleteById(client.id);
    }
}
