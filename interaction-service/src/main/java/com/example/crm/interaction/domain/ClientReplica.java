package com.example.crm.interaction.domain;

import com.example.crm.interaction.persistence.InteractionRepository;
import com.example.crm.interaction.persistence.KnownClientRepository;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
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
    private final com.example.crm.interaction.persistence.OrderRepository orders;
    private final Clock clock;

    public ClientReplica(KnownClientRepository clients, InteractionRepository interactions,
                         com.example.crm.interaction.persistence.OrderRepository orders, Clock clock) {
        this.clients = clients;
        this.interactions = interactions;
        this.orders = orders;
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
            case "crm.client.owner-changed.v1" -> client.ownerId = text(data, "to");
            case "crm.client.deleted.v1" -> client.deleted = true;
            case "crm.client.restored.v1" -> client.deleted = false;
            case "crm.client.merged.v1" -> merge(client, UUID.fromString(data.path("mergedId").asText()));
            default -> LOG.debugf("client event %s not used here", type);
        }
        client.version = version;
        client.updatedAt = clock.instant();
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
    }

    private void erase(KnownClient client) {
        client.legalName = null;
        client.erasedAt = clock.instant();
        client.updatedAt = client.erasedAt;
        interactions.scrubClient(client.id);
        orders.scrubClient(client.id);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
