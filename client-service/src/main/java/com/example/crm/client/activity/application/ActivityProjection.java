package com.example.crm.client.activity.application;

import com.example.crm.client.activity.persistence.ActivityRepository;
import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.contract.interaction.InteractionEvents.ContactLogged;
import com.example.crm.contract.interaction.InteractionEvents.OrderCancelled;
import com.example.crm.contract.interaction.InteractionEvents.OrderPlaced;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the recall rules need from interaction-service, learned from {@code crm.interaction.v1} (no synchronous
 * calls), read as interaction-service's contract states them ({@code InteractionEvents}): each client's last
 * follow-up (contact logged) and its orders. Facts count at the time they happened, so
 * order of arrival and replays do not matter; facts about a merged-away client count for its survivor.
 */
@ApplicationScoped
public class ActivityProjection {

    static final String CONTACT_LOGGED = InteractionEventTypes.CONTACT_LOGGED;
    static final String ORDER_PLACED = InteractionEventTypes.ORDER_PLACED;
    static final String ORDER_CANCELLED = InteractionEventTypes.ORDER_CANCELLED;
    private static final Object SURVIVORS = new Object();

    private final ActivityRepository activity;
    private final CloudEvents cloudEvents;
    private final TransactionSynchronizationRegistry transactions;

    public ActivityProjection(ActivityRepository activity, CloudEvents cloudEvents,
                              TransactionSynchronizationRegistry transactions) {
        this.activity = activity;
        this.cloudEvents = cloudEvents;
        this.transactions = transactions;
    }

    /** Before a poll's facts are applied: which card each fact's client is now (merges), locked for share. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveClients(List<CloudEvent> events) {
        List<UUID> clients = events.stream().filter(ActivityProjection::isFact)
                .map(ActivityProjection::clientId).filter(Objects::nonNull).distinct().sorted().toList();
        transactions.putResource(SURVIVORS, clients.isEmpty() ? Map.of() : activity.survivorsLocked(clients));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case CONTACT_LOGGED -> {
                ContactLogged contact = cloudEvents.data(event, ContactLogged.class);
                activity.contactLogged(survivorOf(contact.clientId()), contact.occurredAt());
            }
            case ORDER_PLACED -> {
                OrderPlaced order = cloudEvents.data(event, OrderPlaced.class);
                activity.orderPlaced(order.orderId(), survivorOf(order.clientId()), order.occurredAt());
            }
            case ORDER_CANCELLED -> {
                OrderCancelled cancelled = cloudEvents.data(event, OrderCancelled.class);
                activity.orderCancelled(cancelled.orderId(), survivorOf(cancelled.clientId()), cancelled.orderedAt());
            }
            default -> {
                // visits planned, payments, cadences: not what recall rules watch
            }
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

    /** The event's client (its subject), null when it is not an id: such an event is refused when it is applied. */
    private static UUID clientId(CloudEvent event) {
        try {
            return event.subject() == null ? null : UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
