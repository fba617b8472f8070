package com.example.crm.client.domain;

import com.example.crm.client.api.ClientMapper;
import com.example.crm.client.api.ContactPersonInput;
import com.example.crm.client.persistence.ContactPersonRepository;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.MergePatcher;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.example.crm.platform.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
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
    private final ClientMapper mapper;
    private final MergePatcher patcher;
    private final ClientHistory history;
    private final CurrentUser user;
    private final Clock clock;

    public ContactPersonService(ContactPersonRepository contacts, ClientService clients, ClientMapper mapper,
                                MergePatcher patcher, ClientHistory history, CurrentUser user, Clock clock) {
        this.contacts = contacts;
        this.clients = clients;
        this.mapper = mapper;
        this.patcher = patcher;
        this.history = history;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public ContactPerson add(UUID clientId, ContactPersonInput input) {
        Client client = clients.get(clientId);
        user.requireOwnerOrSupervisor(client.ownerId, "client " + clientId);
        if (client.isDeleted()) {
            throw new ProblemException(ProblemType.CONFLICT, "client " + clientId + " is deleted; restore it first");
        }
        if (contacts.countForClient(clientId) >= ContactPersonRepository.MAX_PER_CLIENT) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "a client has at most " + ContactPersonRepository.MAX_PER_CLIENT + " contact persons");
        }
        Instant now = clock.instant();
        ContactPerson person = new ContactPerson();
        person.id = UUID.randomUUID();
        person.clientId = clientId;
        mapper.apply(input, person);
        person.createdAt = now;
        person.updatedAt = now;
        contacts.persistAndFlush(person);
        history.record(client, ClientHistoryEntry.Action.CONTACT_ADDED, user.id(), null,
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
        return contacts.findForClient(clientId, id).orElseThrow(() -> ProblemException.notFound("contact person", id));
    }

    @Transactional
    public ContactPerson patch(UUID clientId, UUID id, String ifMatch, JsonNode patch) {
        ContactPerson person = writable(clientId, id, ifMatch);
        ContactPersonInput before = mapper.toInput(person);
        MergePatcher.Patched<ContactPersonInput> patched = patcher.apply(before, patch, ContactPersonInput.class);
        if (patched.changed()) {
            mapper.apply(patched.value(), person);
            person.updatedAt = clock.instant();
            contacts.flush();
            history.record(clients.get(clientId), ClientHistoryEntry.Action.CONTACT_UPDATED, user.id(), null,
                    history.diff(prefix(person), before, patched.value()));
        }
        return person;
    }

    @Transactional
    public void delete(UUID clientId, UUID id, String ifMatch) {
        ContactPerson person = writable(clientId, id, ifMatch);
        contacts.delete(person);
        history.record(clients.get(clientId), ClientHistoryEntry.Action.CONTACT_REMOVED, user.id(), null,
                history.diff(prefix(person), mapper.toInput(person), null));
    }

    private static String prefix(ContactPerson person) {
        return "contactPersons." + person.id + ".";
    }

    private ContactPerson writable(UUID clientId, UUID id, String ifMatch) {
        Client client = clients.get(clientId);
        user.requireOwnerOrSupervisor(client.ownerId, "client " + clientId);
        ContactPerson person = get(clientId, id);
        ETags.requireMatch(ifMatch, person.version);
        return person;
    }
}
