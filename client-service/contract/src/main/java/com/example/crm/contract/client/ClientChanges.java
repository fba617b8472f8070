package com.example.crm.contract.client;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.replica.ClientReplicaSupport;
import com.example.crm.platform.scope.OrganisationChange;
import com.example.crm.platform.scope.OrganisationReplica;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Reads an event of {@code crm.client.v1} as the change a local replica of clients applies. */
public final class ClientChanges {

    private ClientChanges() {
    }

    /**
     * Applies one event of {@code crm.client.v1} to a service's replicas: the organisation's and the teams' events to
     * its organisation replica, the card's to its client replica.
     */
    public static void applyTo(CloudEvent event, CloudEvents cloudEvents, ClientReplicaSupport<?> clients,
                               OrganisationReplica organisation) {
        Optional<OrganisationChange> change = OrganisationChanges.from(event, cloudEvents);
        if (change.isPresent()) {
            organisation.apply(change.get());
        } else {
            clients.apply(from(event));
        }
    }

    /** Reads an event; its subject is the client id (else it goes to the dead-letter topic). */
    public static ClientChange from(CloudEvent event) {
        UUID clientId;
        try {
            clientId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("subject must be a client id, was " + event.subject());
        }
        return of(event.type(), clientId, event.data());
    }

    /** Reads an event of {@code type} for {@code clientId}; types a replica does not use are {@code OTHER}. */
    public static ClientChange of(String type, UUID clientId, JsonNode data) {
        long version = data.path("version").asLong(-1);
        return switch (type) {
            case ClientEventTypes.REGISTERED -> new ClientChange(ClientChange.Kind.REGISTERED, clientId, version,
                    text(data, "legalName"), text(data, "status"), text(data, "ownerId"), null,
                    text(data, "ownerDepartment"));
            case ClientEventTypes.UPDATED -> new ClientChange(ClientChange.Kind.UPDATED, clientId, version,
                    text(data.path("changes"), "legalName"), null, null, null, null);
            case ClientEventTypes.STATUS_CHANGED -> new ClientChange(ClientChange.Kind.STATUS_CHANGED, clientId,
                    version, null, text(data, "to"), null, null, null);
            case ClientEventTypes.OWNER_CHANGED -> new ClientChange(ClientChange.Kind.OWNER_CHANGED, clientId, version,
                    null, null, text(data, "to"), null, text(data, "toDepartment"));
            case ClientEventTypes.DELETED -> change(ClientChange.Kind.DELETED, clientId, version);
            case ClientEventTypes.RESTORED -> change(ClientChange.Kind.RESTORED, clientId, version);
            case ClientEventTypes.MERGED -> new ClientChange(ClientChange.Kind.MERGED, clientId, version, null, null,
                    null, UUID.fromString(data.path("mergedId").asText()), null);
            case ClientEventTypes.ERASED -> change(ClientChange.Kind.ERASED, clientId, version);
            default -> change(ClientChange.Kind.OTHER, clientId, version);
        };
    }

    /** When a status change, owner change, deletion or restore happened ({@code changedAt}); null when not given. */
    public static Instant changedAt(CloudEvent event) {
        String value = text(event.data(), "changedAt");
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ClientChange change(ClientChange.Kind kind, UUID clientId, long version) {
        return new ClientChange(kind, clientId, version, null, null, null, null, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
