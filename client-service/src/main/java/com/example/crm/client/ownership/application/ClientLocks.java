package com.example.crm.client.ownership.application;

import com.example.crm.client.card.application.CardEvents;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Locks (锁定): an owner keeps a client from ever being recalled, within their and their department's lock cap.
 * A lock belongs to its owner: a hand-over or a return ends it. Nine collaborators: the lock is checked against
 * the caps under the owner's scope lock, recorded in the history and announced as a card update.
 */
@ApplicationScoped
public class ClientLocks {

    private final ClientRepository clients;
    private final OwnershipQueries queries;
    private final OwnershipCaps caps;
    private final Standings standings;
    private final ClientHistory history;
    private final CardEvents cardEvents;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Clock clock;

    public ClientLocks(ClientRepository clients, OwnershipQueries queries, OwnershipCaps caps, Standings standings,
                       ClientHistory history, CardEvents cardEvents, CurrentUser user, ObjectMapper json, Clock clock) {
        this.clients = clients;
        this.queries = queries;
        this.caps = caps;
        this.standings = standings;
        this.history = history;
        this.cardEvents = cardEvents;
        this.user = user;
        this.json = json;
        this.clock = clock;
    }

    /** The owner locks a client so that it is never recalled (up to their lock cap). */
    @Transactional
    public Standings.Standing lock(UUID clientId) {
        Client client = ownedForLock(clientId);
        if (client.lockedAt != null) {
            return standings.of(client);
        }
        queries.lockOwnerScopes(client.ownerId, client.ownerDepartment);
        caps.requireLockRoom(client.ownerId, client.ownerDepartment);
        client.lock(user.id(), clock.instant());
        changedLock(client, Action.LOCKED, null);
        return standings.of(client);
    }

    @Transactional
    public Standings.Standing unlock(UUID clientId) {
        Client client = ownedForLock(clientId);
        if (client.lockedAt == null) {
            return standings.of(client);
        }
        Instant was = client.lockedAt;
        client.unlock();
        changedLock(client, Action.UNLOCKED, was);
        return standings.of(client);
    }

    private Client ownedForLock(UUID clientId) {
        Client client = clients.findById(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null || client.isDeleted()) {
            throw new DomainException.NotFound("client", clientId);
        }
        if (client.inPool()) {
            throw new DomainException.Conflict("client " + clientId + " sits in a pool; claim it first");
        }
        user.requireOwnerOrSupervisor(client.ownerId, "client " + clientId);
        return client;
    }

    private void changedLock(Client client, Action action, Instant was) {
        client.updatedAt = clock.instant();
        clients.flush();
        history.record(client.id, client.version, action, user.id(), null, history.change("lockedAt", was, client.lockedAt));
        cardEvents.updated(client, Map.of("lockedAt", json.valueToTree(client.lockedAt)));
    }
}
