package com.example.crm.interaction.persistence;

import com.example.crm.interaction.domain.ClientOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<ClientOrder, UUID> {

    /** Keyset position: the last order of the previous page (newest first). */
    public record After(Instant orderedAt, UUID id) {
    }

    public List<ClientOrder> page(UUID clientId, After after, int limit) {
        if (after == null) {
            return find("clientId", Sort.descending("orderedAt", "id"), clientId).range(0, limit - 1).list();
        }
        return find("clientId = ?1 and (orderedAt < ?2 or (orderedAt = ?2 and id < ?3))",
                Sort.descending("orderedAt", "id"), clientId, after.orderedAt(), after.id()).range(0, limit - 1).list();
    }

    public int moveToClient(UUID from, UUID to) {
        return update("clientId = ?1 where clientId = ?2", to, from);
    }

    /** Erasure: the free text goes; amounts, dates and categories stay for the figures. */
    public int scrubClient(UUID clientId) {
        return update("cancelReason = null where clientId = ?1", clientId);
    }
}
