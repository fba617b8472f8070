package com.example.crm.interaction.persistence;

import com.example.crm.interaction.domain.KnownClient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownClientRepository implements PanacheRepositoryBase<KnownClient, UUID> {

    /** Keyset position in the to-do list. */
    public record After(LocalDate nextContactOn, UUID id) {
    }

    /** Clients of {@code owner} due for contact on or before {@code date}, most overdue first. */
    public List<KnownClient> dueForContact(String owner, LocalDate date, After after, int limit) {
        String where = "ownerId = :owner and nextContactOn <= :date and deleted = false and mergedInto is null";
        Parameters params = Parameters.with("owner", owner).and("date", date);
        if (after != null) {
            where += " and (nextContactOn > :at or (nextContactOn = :at and id > :id))";
            params.and("at", after.nextContactOn()).and("id", after.id());
        }
        return find(where, Sort.ascending("nextContactOn", "id"), params).range(0, limit - 1).list();
    }
}
