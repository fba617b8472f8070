package com.example.crm.interaction.domain;

import com.example.crm.interaction.messaging.InteractionEvents;
import com.example.crm.interaction.persistence.CadenceRepository;
import com.example.crm.interaction.persistence.InteractionRepository;
import com.example.crm.interaction.persistence.KnownClientRepository;
import com.example.crm.interaction.persistence.OrderRepository;
import com.example.crm.interaction.persistence.PaymentRepository;
import com.example.crm.interaction.persistence.ReceivableRepository;
import com.example.crm.interaction.persistence.VisitPlanRepository;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The clients this service knows, kept from client-service's events ({@code crm.client.v1}). An event whose
 * card version is not newer than the replica's is a replay and changes nothing.
 */
@ApplicationScoped
public class ClientReplica {

    private static final Logger LOG = Logger.getLogger(ClientReplica.class);

    private final KnownClientRepository clients;
    private final InteractionRepository interactions;
    private final OrderRepository orders;
    private final ReceivableRepository instalments;
    private final PaymentRepository payments;
    private final VisitPlanRepository plans;
    private final CadenceRepository cadences;
    private final InteractionEvents events;
    private final Clock clock;

    public ClientReplica(KnownClientRepository clients, InteractionRepository interactions, OrderRepository orders,
                         ReceivableRepository instalments, PaymentRepository payments, VisitPlanRepository plans,
                         CadenceRepository cadences, InteractionEvents events, Clock clock) {
        this.clients = clients;
        this.interactions = interactions;
        this.orders = orders;
        this.instalments = instalments;
        this.payments = payments;
        this.plans = plans;
        this.cadences = cadences;
        this.events = events;
        this.clock = clock;
    }

    /** The client a write is for: 404 (retryable: its registration may still be on its way) when unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownClient writable(UUID clientId) {
        KnownClient client = clients.findById(clientId);
        if (client == null) {
            throw ProblemException.notFound("client", clientId).with("retryable", true);
        }
        if (!client.isWritable()) {
            throw new ProblemException(ProblemType.CONFLICT, "client " + clientId
                    + (client.mergedInto != null ? " was merged into " + client.mergedInto : " is deleted"))
                    .with("mergedInto", client.mergedInto);
        }
        return client;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownClient known(UUID clientId) {
        KnownClient client = clients.findById(clientId);
        if (client == null) {
            throw ProblemException.notFound("client", clientId).with("retryable", true);
        }
        return client;
    }

    /** Applies one event of {@code crm.client.v1} (its type without prefix and its data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String type, UUID clientId, JsonNode data) {
        KnownClient client = clients.findById(clientId);
        long version = data.path("version").asLong(-1);
        if (type.equals("crm.client.registered.v1")) {
            if (client != null) {
                return;
            }
            client = new KnownClient();
            client.id = clientId;
            client.version = version;
            client.legalName = text(data, "legalName");
            client.status = text(data, "status");
            client.ownerId = text(data, "ownerId");
            client.updatedAt = clock.instant();
            clients.persist(client);
            return;
        }
        if (client == null) {
            LOG.debugf("%s for client %s not registered here: ignored", type, clientId);
            return;
        }
        if (type.equals("crm.client.erased.v1")) {
            erase(client);
            return;
        }
        if (version >= 0 && version <= client.version) {
            return; // replayed or older
        }
        switch (type) {
            case "crm.client.updated.v1" -> {
                JsonNode changes = data.path("changes");
                if (changes.has("legalName")) {
                    client.legalName = text(changes, "legalName");
                }
            }
            case "crm.client.status-changed.v1" -> client.status = text(data, "to");
            case "crm.client.owner-changed.v1" -> changeOwner(client, text(data, "to"));
            case "crm.client.deleted.v1" -> client.deleted = true;
            case "crm.client.restored.v1" -> client.deleted = false;
            case "crm.client.merged.v1" -> merge(client, UUID.fromString(data.path("mergedId").asText()));
            default -> LOG.debugf("client event %s not used here", type);
        }
        client.version = version;
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
        interactions.moveToClient(mergedId, survivor.id);
        orders.moveToClient(mergedId, survivor.id);
        instalments.moveToClient(mergedId, survivor.id);
        payments.moveToClient(mergedId, survivor.id);
        plans.moveToClient(mergedId, survivor.id);
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

    private void erase(KnownClient client) {
        client.legalName = null;
        client.erasedAt = clock.instant();
        client.updatedAt = client.erasedAt;
        interactions.scrubClient(client.id);
        orders.scrubClient(client.id);
        payments.scrubClient(client.id);
        plans.scrubClient(client.id);
        for (VisitPlan plan : plans.list("clientId = ?1 and status = ?2", client.id, VisitPlanStatus.PLANNED)) {
            plan.status = VisitPlanStatus.CANCELLED;
            plan.cancelledAt = client.erasedAt;
            events.visitCancelled(plan);
        }
        cadences.deleteById(client.id);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
