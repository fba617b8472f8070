package com.example.crm.client.activity.application;

import com.example.crm.client.activity.persistence.ActivityRepository;
import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.MalformedEventException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the recall rules need from interaction-service, learned from {@code crm.interaction.v1} (no synchronous
 * calls): each client's last follow-up (contact logged) and its orders. Facts count at the time they happened, so
 * order of arrival and replays do not matter; facts about a merged-away client count for its survivor.
 */
@ApplicationScoped
public class ActivityProjection {

    static final String CONTACT_LOGGED = InteractionEventTypes.CONTACT_LOGGED;
    static final String ORDER_PLACED = InteractionEventTypes.ORDER_PLACED;
    static final String ORDER_CANCELLED = InteractionEventTypes.ORDER_CANCELLED;
    private static final Object SURVIVORS = new Object();

    private final ActivityRepository activity;
    private final TransactionSynchronizationRegistry transactions;

    public ActivityProjection(ActivityRepository activity, TransactionSynchronizationRegistry transactions) {
        this.activity = activity;
        this.transactions = transactions;
    }

    /** Before a poll's facts are applied: which card each fact's client is now (merges), locked for share. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveClients(List<CloudEvent> events) {
        List<UUID> clients = events.stream().filter(ActivityProjection::isFact)
                .map(e -> clientId(e.data())).filter(Objects::nonNull).distinct().sorted().toList();
        transactions.putResource(SURVIVORS, clients.isEmpty() ? Map.of() : activity.survivorsLocked(clients));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!isFact(event)) {
            return; // visits planned, payments, cadences: not what recall rules watch
        }
        JsonNode data = event.data();
        UUID client = survivorOf(required(clientId(data), "clientId"));
        switch (event.type()) {
            case CONTACT_LOGGED -> activity.contactLogged(client, instant(data, "occurredAt"));
            case ORDER_PLACED -> activity.orderPlaced(uuid(data, "orderId"), client, instant(data, "occurredAt"));
            case ORDER_CANCELLED -> activity.orderCancelled(uuid(data, "orderId"), client, instant(data, "orderedAt"));
            default -> throw new IllegalStateException(event.type());
        }
    }

    private UUID survivorOf(UUID client) {
        @SuppressWarnings("unchecked")
        Map<UUID, UUID> survivors = (Map<UUID, UUID>) transactions.getResource(SURVIVORS);
        return survivors == null ? client : survivors.getOrDefault(client, client);
    }

    private static boolean isFact(CloudEvent event) {
        return CONTACT_LOGGED.equals(event.type()) || ORDER_PLACED.equals(event.type())
                || ORDER_CANCELLED.equals(event.type());
    }

    private static UUID clientId(JsonNode data) {
        try {
            return data.hasNonNull("clientId") ? UUID.fromString(data.get("clientId").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(required(data.hasNonNull(field) ? data.get(field).asText() : null, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data." + field + " must be a UUID");
        }
    }

    private static Instant instant(JsonNode data, String field) {
        try {
            return Instant.parse(required(data.hasNonNull(field) ? data.get(field).asText() : null, field));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(field + " must be an RFC 3339 time");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("data." + field + " is missing or not valid");
        }
        return value;
    }
}
