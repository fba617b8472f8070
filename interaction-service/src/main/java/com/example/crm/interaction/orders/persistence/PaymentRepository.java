package com.example.crm.interaction.orders.persistence;

import com.example.crm.interaction.orders.domain.Payment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    /** Keyset position: the last payment of the previous page (newest first). */
    public record After(Instant paidAt, UUID id) {
    }

    public List<Payment> page(UUID clientId, After after, int limit) {
        if (after == null) {
            return find("clientId", Sort.descending("paidAt", "id"), clientId).range(0, limit - 1).list();
        }
        return find("clientId = ?1 and (paidAt < ?2 or (paidAt = ?2 and id < ?3))",
                Sort.descending("paidAt", "id"), clientId, after.paidAt(), after.id()).range(0, limit - 1).list();
    }

    public long countForOrder(UUID orderId) {
        return count("orderId", orderId);
    }

}
