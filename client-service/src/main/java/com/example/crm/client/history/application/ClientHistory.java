package com.example.crm.client.history.application;

import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.example.crm.client.history.persistence.ClientHistoryRepository;
import com.example.crm.platform.json.JsonDiff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps the field-level history of cards: every change with actor, time, reason, old and new values. */
@ApplicationScoped
public class ClientHistory {

    private final ClientHistoryRepository entries;
    private final ObjectMapper json;
    private final Clock clock;

    public ClientHistory(ClientHistoryRepository entries, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    /** Field changes between two JSON documents, each path prefixed (e.g. {@code contactPersons.<id>.}). */
    public ObjectNode diff(String prefix, Object before, Object after) {
        JsonNode from = before == null ? json.createObjectNode() : json.valueToTree(before);
        JsonNode to = after == null ? json.createObjectNode() : json.valueToTree(after);
        ObjectNode changes = json.createObjectNode();
        JsonDiff.changes(from, to).forEach((path, value) -> changes.set(prefix + path,
                change(JsonDiff.valueAt(from, path), value)));
        return changes;
    }

    /** A single field's change. */
    public ObjectNode change(String field, Object from, Object to) {
        ObjectNode changes = json.createObjectNode();
        changes.set(field, change(json.valueToTree(from), json.valueToTree(to)));
        return changes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID clientId, long version, ClientHistoryEntry.Action action, String actor, String reason,
                       ObjectNode changes) {
        ClientHistoryEntry entry = new ClientHistoryEntry();
        entry.clientId = clientId;
        entry.version = version;
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.reason = reason;
        entry.changes = changes;
        entries.persist(entry);
    }

    /** A page of the card's history, newest first, after the entry {@code afterEntry} (null: from the newest). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientHistoryEntry> page(UUID clientId, Long afterEntry, int limit) {
        return entries.page(clientId, afterEntry, limit);
    }

    /** Erasure: every recorded value of the client's history is replaced; field names and times stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scrub(UUID clientId) {
        for (ClientHistoryEntry entry : entries.allForClient(clientId)) {
            ObjectNode scrubbed = json.createObjectNode();
            entry.changes.fieldNames().forEachRemaining(field -> scrubbed.put(field, "erased"));
            entry.changes = scrubbed;
            entry.reason = null;
        }
    }

    private JsonNode change(JsonNode from, JsonNode to) {
        return json.valueToTree(Map.of("from", from == null ? NullNode.getInstance() : from,
                "to", to == null ? NullNode.getInstance() : to));
    }
}
