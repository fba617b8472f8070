package com.example.crm.client.persistence;

import com.example.crm.client.domain.Client;
import com.example.crm.client.domain.LifecycleStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    /** Filters of the client list; {@code null} means "any". */
    public record Filter(LifecycleStatus status, String ownerId, Boolean stale) {
    }

    /** Keyset position: the last item of the previous page (newest first). */
    public record After(Instant createdAt, UUID id) {
    }

    public Optional<Client> findByCreditCode(String code) {
        return find("unifiedSocialCreditCode", code).firstResultOptional();
    }

    /** One page of clients, newest first, {@code limit + 1} rows so the caller knows whether more follow. */
    public List<Client> page(Filter filter, After after, int limit, Instant now) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.ownerId() != null) {
            where.append(" and ownerId = :owner");
            params.and("owner", filter.ownerId());
        }
        if (filter.stale() != null) {
            where.append(filter.stale() ? " and reviewDueAt <= :now" : " and reviewDueAt > :now");
            params.and("now", now);
        }
        if (after != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", after.createdAt()).and("id", after.id());
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), params).range(0, limit).list();
    }
}
