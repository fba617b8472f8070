package com.example.crm.client.contacts.application;

import com.example.crm.client.card.application.CardAccess;
import com.example.crm.client.card.application.ClientService;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.contacts.domain.ContactPerson;
import com.example.crm.client.contacts.persistence.ContactPersonRepository;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.json.MergePatcher;
import com.example.crm.platform.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contact persons (联系人) of a card; changing them takes the same rights as changing the card. */
@ApplicationScoped
public class ContactPersonService {

    private final ContactPersonRepository contacts;
    private final ClientService clients;
    private final ContactPersonMapper mapper;
    private final MergePatcher patcher;
    private final ClientHistory history;
    private final CurrentUser user;
    private final Clock clock;
    private final CardAccess access;

    public ContactPersonService(ContactPersonRepository contacts, ClientService clients, ContactPersonMapper mapper,
                                MergePatcher patcher, ClientHistory history, CurrentUser user, Clock clock,
                                CardAccess access) {
        this.contacts = contacts;
        this.clients = clients;
        this.mapper = mapper;
        this.patcher = patcher;
        this.history = history;
        this.user = user;
        this.clock = clock;
        this.access = access;
    }

    @Transactional
    public ContactPerson add(UUID clientId, ContactPersonInput input) {
        Client client = clients.get(clientId);
        access.requireEditor(client);
        if (client.isDeleted()) {
            throw new DomainException.Conflict("client " + clientId + " is deleted; restore it first");
        }
        if (contacts.countForClient(clientId) >= ContactPersonRepository.MAX_PER_CLIENT) {
            throw new DomainException.Conflict("a client has at most " + ContactPersonRepository.MAX_PER_CLIENT + " contact persons");
        }
        Instant now = clock.instant();
        ContactPerson person = new ContactPerson();
        person.id = UUID.randomUUID();
        person.clientId = clientId;
        mapper.apply(input, person);
        person.createdAt = now;
        person.updatedAt = now;
        contacts.persistAndFlush(person);
        history.record(client.id, client.version, ClientHistoryEntry.Action.CONTACT_ADDED, user.id(), null,
                history.diff(prefix(person), null, input));
        return person;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactPerson> list(UUID clientId) {
        clients.get(clientId);
        return contacts.listForClient(clientId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactPerson get(UUID clientId, UUID id) {
        clients.get(clientId);
        return contacts.findForClient(clientId, id).orElseThrow(() -> new DomainException.NotFound("contact person", id));
    }

    @Transactional
    public ContactPerson patch(UUID clientId, UUID id, ExpectedVersion expected, JsonNode patch) {
        ContactPerson person = writable(clientId, id, expected);
        ContactPersonInput before = mapper.toInput(person);
        MergePatcher.Patched<ContactPersonInput> patched = patcher.apply(before, patch, ContactPersonInput.class);
        if (patched.changed()) {
            mapper.apply(patched.value(), person);
            person.updatedAt = clock.instant();
            contacts.flush();
            record(clientId, ClientHistoryEntry.Action.CONTACT_UPDATED, history.diff(prefix(person), before, patched.value()));
        }
        return person;
    }

    @Transactional
    public void delete(UUID clientId, UUID id, ExpectedVersion expected) {
        ContactPerson person = writable(clientId, id, expected);
        contacts.delete(person);
        record(clientId, ClientHistoryEntry.Action.CONTACT_REMOVED, history.diff(prefix(person), mapper.toInput(person), null));
    }

    private static String prefix(ContactPerson person) {
        return "contactPersons." + person.id + ".";
    }

    private ContactPerson writable(UUID clientId, UUID id, ExpectedVersion expected) {
        Client client = clients.get(clientId);
        access.requireEditor(client);
        ContactPerson person = get(clientId, id);
        expected.check(person.version);
        return person;
    }

    /** A change of the card's contacts, in the card's history at its current version. */
    private void record(UUID clientId, ClientHistoryEntry.Action action, ObjectNode changes) {
        Client client = clients.get(clientId);
        history.record(client.id, client.version, action, user.id(), null, changes);
    }
}