package com.example.crm.platform.replica;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.MalformedEventException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * One event of client-service's topic {@code crm.client.v1}, read the way every service's local replica of clients
 * needs it (the contract is documented in client-service's AsyncAPI). Replicas apply a change only when its card
 * {@code version} is newer than the one they hold; {@code registered} and {@code erased} apply regardless.
 */
public record ClientChange(Kind kind, UUID clientId, long version, String legalName, String status, String ownerId,
                           UUID mergedId) {

    public enum Kind { REGISTERED, UPDATED, STATUS_CHANGED, OWNER_CHANGED, DELETED, RESTORED, MERGED, ERASED, OTHER }

    /** Reads an event of {@code crm.client.v1}; its subject is the client id (else it goes to the dead-letter topic). */
    public static ClientChange from(CloudEvent event) {
        UUID clientId;
        try {
            clientId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("subject must be a client id, was " + event.subject());
        }
        return of(event.type(), clientId, event.data());
    }

    /** Reads an event of {@code type} for {@code clientId}; unknown types are {@link Kind#OTHER}. */
    public static ClientChange of(String type, UUID clientId, JsonNode data) {
        long version = data.path("version").asLong(-1);
        return switch (type) {
            case "crm.client.registered.v1" -> new ClientChange(Kind.REGISTERED, clientId, version,
                    text(data, "legalName"), text(data, "status"), text(data, "ownerId"), null);
            case "crm.client.updated.v1" -> new ClientChange(Kind.UPDATED, clientId, version,
                    text(data.path("changes"), "legalName"), null, null, null);
            case "crm.client.status-changed.v1" -> new ClientChange(Kind.STATUS_CHANGED, clientId, version, null,
                    text(data, "to"), null, null);
            case "crm.client.owner-changed.v1" -> new ClientChange(Kind.OWNER_CHANGED, clientId, version, null, null,
                    text(data, "to"), null);
            case "crm.client.deleted.v1" -> new ClientChange(Kind.DELETED, clientId, version, null, null, null, null);
            case "crm.client.restored.v1" -> new ClientChange(Kind.RESTORED, clientId, version, null, null, null, null);
            case "crm.client.merged.v1" -> new ClientChange(Kind.MERGED, clientId, version, null, null, null,
                    UUID.fromString(data.path("mergedId").asText()));
            case "crm.client.erased.v1" -> new ClientChange(Kind.ERASED, clientId, version, null, null, null, null);
            default -> new ClientChange(Kind.OTHER, clientId, version, null, null, null, null);
        };
    }

    /** Whether a replica holding card {@code knownVersion} should apply this change (not a replay or older). */
    public boolean newerThan(long knownVersion) {
        return version < 0 || version > knownVersion;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
