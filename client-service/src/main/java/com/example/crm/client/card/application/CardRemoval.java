package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * How a card leaves: soft delete (an admin can restore it) and erasure (irreversible; the card's own records in
 * other features are scrubbed through their {@link ClientOwnedData} beans). Each with history and an event.
 */
@ApplicationScoped
public class CardRemoval {

    private static final Logger LOG = Logger.getLogger(CardRemoval.class);

    private final ClientService cards;
    private final ClientRepository clients;
    private final ClientHistory history;
    private final CardEvents events;
    private final List<ClientOwnedData> ownedData;
    private final CurrentUser user;
    private final Clock clock;

    public CardRemoval(ClientService cards, ClientRepository clients, ClientHistory history, CardEvents events,
                       Instance<ClientOwnedData> ownedData, CurrentUser user, Clock clock) {
        this.cards = cards;
        this.clients = clients;
        this.history = history;
        this.events = events;
        this.ownedData = ownedData.stream().toList();
        this.user = user;
        this.clock = clock;
    }

    /** Soft delete: the card disappears from lists and reads; an admin can restore it. */
    @Transactional
    public void delete(UUID id, ExpectedVersion expected, String reason) {
        Client client = cards.writable(id, expected);
        client.deletedAt = clock.instant();
        client.deletedBy = user.id();
        client.updatedAt = client.deletedAt;
        clients.flush();
        history.record(client.id, client.version, Action.DELETED, user.id(), reason, history.change("deletedAt", null, client.deletedAt));
        events.deleted(client, reason, user.id());
    }

    @Transactional
    public Client restore(UUID id, String reason) {
        Client client = cards.get(id);
        if (!client.isDeleted()) {
            throw new DomainException.Conflict("client " + id + " is not deleted");
        }
        if (client.erasedAt != null) {
            throw new DomainException.Conflict("client " + id + " was erased and cannot be restored");
        }
        Instant deletedAt = client.deletedAt;
        client.deletedAt = null;
        client.deletedBy = null;
        client.updatedAt = clock.instant();
        clients.flush();
        history.record(client.id, client.version, Action.RESTORED, user.id(), reason, history.change("deletedAt", deletedAt, null));
        events.restored(client, reason, user.id());
        return client;
    }

    /**
     * Scrubs the card's personal data irreversibly (contact persons removed, personal fields and every value in
     * its history replaced); figures and classification stay. The card stays deleted. The duplicates merged into
     * it are the same client: they are erased with it, each with its own event.
     */
    @Transactional
    public Client erase(UUID id, String reason) {
        Client client = clients.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("client", id));
        if (client.erasedAt != null) {
            return client;
        }
        Instant now = clock.instant();
        Deque<Client> toErase = new ArrayDeque<>(List.of(client));
        while (!toErase.isEmpty()) {
            Client card = toErase.pop();
            if (card.erasedAt == null) {
                scrub(card, now);
            }
            toErase.addAll(clients.mergedInto(card.id));
        }
        LOG.infof("client %s erased by %s (%s)", id, user.id(), reason == null ? "no reason given" : "reason recorded");
        return client;
    }

    private void scrub(Client client, Instant now) {
        client.scrubPersonalData();
        ownedData.forEach(data -> data.scrub(client.id));
        client.erasedAt = now;
        client.deletedAt = client.deletedAt == null ? now : client.deletedAt;
        client.deletedBy = client.deletedBy == null ? user.id() : client.deletedBy;
        client.updatedAt = now;
        clients.flush();
        history.scrub(client.id);
        history.record(client.id, client.version, Action.ERASED, user.id(), null, history.change("erasedAt", null, now));
        events.erased(client);
    }
}
