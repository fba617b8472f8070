package com.example.crm.client.ownership.persistence;

import com.example.crm.client.ownership.domain.CapScope;
import com.example.crm.client.ownership.domain.OwnershipCap;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OwnershipCapRepository implements PanacheRepositoryBase<OwnershipCap, OwnershipCap.Key> {

    public Optional<OwnershipCap> of(CapScope scope, String subject) {
        return subject == null ? Optional.empty() : findByIdOptional(new OwnershipCap.Key(scope, subject));
    }

    public List<OwnershipCap> allSorted() {
        return listAll(Sort.ascending("key.scope", "key.subject"));
    }
}
