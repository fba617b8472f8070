package com.example.crm.client.ownership.persistence;

import com.example.crm.client.ownership.domain.Pool;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PoolRepository implements PanacheRepositoryBase<Pool, UUID> {

    public List<Pool> allByName() {
        return listAll(Sort.ascending("name"));
    }

    public Optional<Pool> defaultPool() {
        return find("defaultPool", true).firstResultOptional();
    }

    public Optional<Pool> byName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /** Clears the default flag of every other pool (one default at most). */
    public void clearDefaultExcept(UUID id) {
        update("defaultPool = false where defaultPool = true and id <> ?1", id);
    }
}
