package com.example.crm.client.contacts.persistence;

import com.example.crm.client.contacts.domain.ContactPerson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactPersonRepository implements PanacheRepositoryBase<ContactPerson, UUID> {

    public static final int MAX_PER_CLIENT = 200;

    public List<ContactPerson> listForClient(UUID clientId) {
        return find("clientId", Sort.ascending("createdAt", "id"), clientId).range(0, MAX_PER_CLIENT - 1).list();
    }

    public long countForClient(UUID clientId) {
        return count("clientId", clientId);
    }

    public long deleteForClient(UUID clientId) {
        return delete("clientId", clientId);
    }

    public Optional<ContactPerson> findForClient(UUID clientId, UUID id) {
        return find("clientId = ?1 and id = ?2", clientId, id).firstResultOptional();
    }

    public int moveToClient(UUID from, UUID to) {
        return update("clientId = ?1 where clientId = ?2", to, from);
    }
}
