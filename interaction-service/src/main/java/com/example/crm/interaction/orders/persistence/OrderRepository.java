package com.example.crm.interaction.orders.persistence;

import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.domain.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
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

    /** Revenue of one calendar month (in the business zone) in one currency; cancelled orders do not count. */
    public record MonthTotal(String currency, String month, BigDecimal amount, long orders) {
    }

    /** Order count and first/last order per currency; cancelled orders do not count. */
    public record Span(String currency, long orders, Instant first, Instant last) {
    }

    public List<MonthTotal> monthlyTotals(UUID clientId, ZoneId zone) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        select currency, to_char(ordered_at at time zone :zone, 'YYYY-MM') as month,
                               sum(total_amount), count(*)
                        from client_order where client_id = :client and status <> 'CANCELLED'
                        group by 1, 2 order by 1, 2""")
                .setParameter("zone", zone.getId()).setParameter("client", clientId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new MonthTotal(((String) r[0]).trim(), (String) r[1],
                (BigDecimal) r[2], ((Number) r[3]).longValue())).toList();
    }

    public List<Span> spans(UUID clientId) {
        return getEntityManager().createQuery("""
                        select new com.example.crm.interaction.orders.persistence.OrderRepository$Span(o.currency, count(o),
                               min(o.orderedAt), max(o.orderedAt))
                        from ClientOrder o where o.clientId = :client and o.status <> :cancelled
                        group by o.currency order by o.currency""", Span.class)
                .setParameter("client", clientId).setParameter("cancelled", OrderStatus.CANCELLED).getResultList();
    }

    /** The client's latest orders, newest first (the pre-visit brief). */
    public List<ClientOrder> latest(UUID clientId, int count) {
        return find("clientId", Sort.descending("orderedAt", "id"), clientId).range(0, count - 1).list();
    }
}
