package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * How a card comes to be, whether a user registers it or a CSV import brings it: built from its writable fields
 * (POTENTIAL unless a status is given, verified now), and once written announced: a REGISTERED history entry with
 * its owner, and the {@code registered} event.
 */
@ApplicationScoped
public class NewCards {

    private final CardMapper mapper;
    private final ClientHistory history;
    private final CardEvents events;
    private final ClientConfig config;
    private final CurrentUser user;

    public NewCards(CardMapper mapper, ClientHistory history, CardEvents events, ClientConfig config,
                    CurrentUser user) {
        this.mapper = mapper;
        this.history = history;
        this.events = events;
        this.config = config;
        this.user = user;
    }

    /**
     * Whether the caller may register a card in {@code status}: anyone before a first deal; an existing or ended
     * relationship only supervisors and integrations, which bring it over from earlier records.
     */
    public boolean mayStartAs(LifecycleStatus status) {
        return status == null || status.isBeforeFirstDeal() || user.hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.INTEGRATION);
    }

    /** A new card from {@code input}, created by the caller at {@code now}; neither owned nor in a pool yet. */
    public Client build(ClientInput input, Instant now) {
        if (!mayStartAs(input.status())) {
            throw new DomainException.AccessDenied("a card starts as POTENTIAL or INTENDED; registering it as "
                    + input.status() + " is for managers, admins and integrations");
        }
        Client client = new Client();
        client.id = UUID.randomUUID();
        mapper.apply(input, client);
        client.deriveKeys();
        client.status = input.status() == null ? LifecycleStatus.POTENTIAL : input.status();
        client.createdBy = user.id();
        client.createdAt = now;
        client.updatedAt = now;
        client.verified(now, config.reviewIntervalMonths());
        return client;
    }

    /** Records and announces a card written in this transaction; {@code reason} as the history shows it. */
    public void announce(Client client, String reason) {
        ObjectNode changes = history.diff("", null, mapper.toInput(client));
        changes.setAll(history.change("ownerId", null, client.ownerId));
        history.record(client.id, client.version, ClientHistoryEntry.Action.REGISTERED, user.id(), reason, changes);
        events.registered(client);
    }
}
