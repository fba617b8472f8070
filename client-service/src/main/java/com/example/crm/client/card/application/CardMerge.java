package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.client.history.persistence.ClientHistoryRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.security.CurrentUser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Merging a duplicate card into the one that survives: values, history and every feature's per-client records
 * (through their {@link ClientOwnedData} beans) move over, the duplicate is deleted pointing to the survivor.
 * Nine collaborators: the merge touches both cards, their history and every feature's records in one transaction.
 */
@ApplicationScoped
public class CardMerge {

    private final ClientService cards;
    private final ClientRepository clients;
    private final CardMapper mapper;
    private final ClientHistory history;
    private final ClientHistoryRepository historyEntries;
    private final CardEvents events;
    private final List<ClientOwnedData> ownedData;
    private final CurrentUser user;
    private final Clock clock;

    public CardMerge(ClientService cards, ClientRepository clients, CardMapper mapper, ClientHistory history,
                     ClientHistoryRepository historyEntries, CardEvents events, Instance<ClientOwnedData> ownedData,
                     CurrentUser user, Clock clock) {
        this.cards = cards;
        this.clients = clients;
        this.mapper = mapper;
        this.history = history;
        this.historyEntries = historyEntries;
        this.events = events;
        this.ownedData = ownedData.stream().toList();
        this.user = user;
        this.clock = clock;
    }

    /**
     * Merges a duplicate into this card (the survivor): the survivor keeps its values and takes the
     * duplicate's where it has none (tags are united), the duplicate's contact persons and history move to
     * the survivor, and the duplicate is deleted with a pointer to the survivor. Requires If-Match on the
     * survivor and the right to change both cards.
     */
    @Transactional
    public Client merge(UUID survivorId, ExpectedVersion expected, UUID duplicateId, String reason) {
        if (survivorId.equals(duplicateId)) {
            throw new DomainException.InvalidValue("duplicateId", "must be another client than the survivor");
        }
        Client survivor = cards.writable(survivorId, expected);
        Client duplicate = cards.get(duplicateId);
        if (duplicate.isDeleted()) {
            throw new DomainException.Conflict("client " + duplicateId + " is deleted or already merged");
        }
        user.requireOwnerOrSupervisor(duplicate.ownerId, "client " + duplicateId);

        ClientInput before = mapper.toInput(survivor);
        Instant now = clock.instant();
        String duplicateCode = duplicate.mergeInto(survivor.id, user.id(), now);
        clients.flush(); // the code is free before the survivor takes it (codes are unique)
        survivor.completeFrom(duplicate, duplicateCode, now);
        historyEntries.moveToClient(duplicate.id, survivor.id);
        ownedData.forEach(data -> data.moveToClient(duplicate.id, survivor.id));
        clients.flush();

        ObjectNode changes = history.diff("", before, mapper.toInput(survivor));
        changes.setAll(history.change("mergedClientId", null, duplicate.id));
        history.record(survivor.id, survivor.version, Action.MERGED, user.id(), reason, changes);
        history.record(duplicate.id, duplicate.version, Action.MERGED_INTO, user.id(), reason, history.change("mergedInto", null, survivor.id));
        events.merged(survivor, duplicate, user.id());
        return survivor;
    }
}
