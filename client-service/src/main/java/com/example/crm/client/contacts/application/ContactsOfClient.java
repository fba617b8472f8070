package com.example.crm.client.contacts.application;

import com.example.crm.client.contacts.persistence.ContactPersonRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** A card's contact persons: a merged duplicate's become the survivor's; an erased card's are removed. */
@ApplicationScoped
public class ContactsOfClient implements ClientOwnedData {

    private final ContactPersonRepository contacts;

    public ContactsOfClient(ContactPersonRepository contacts) {
        this.contacts = contacts;
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        contacts.moveToClient(mergedId, survivorId);
    }

    @Override
    public void scrub(UUID clientId) {
        contacts.deleteForClient(clientId);
    }
}
