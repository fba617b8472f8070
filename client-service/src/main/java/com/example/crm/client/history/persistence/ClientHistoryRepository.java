package com.example.crm.client.history.persistence;

import com.example.crm.client.history.domain.ClientHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClientHistoryRepository implements PanacheRepositoryBase<ClientHistoryEntry, Long> {

    /** Newest first, {@code limit} rows after the entry {@code afterId} (exclusive) when given. */
    public List<ClientHistoryEntry> page(UUID clientId, Long afterId, int limit) {
        if (afterId == null) {
            return find("clientId", Sort.descending("id"), clientId).range(0, limit - 1).list();
        }
        return find("clientId = ?1 and id < ?2", Sort.descending("id"), clientId, afterId).range(0, limit - 1).list();
    }

    public List<ClientHistoryEntry> allForClient(UUID clientId) {
        return list("clientId", clientId);
    }

    public int moveToClient(UUID from, UUID to) {
        return update("clientId = ?1 where clientId = ?2", to, from);
    }
}
