package com.example.crm.interaction.orders.persistence;

import com.example.crm.interaction.orders.domain.InstalmentStatus;
import com.example.crm.interaction.orders.domain.ReceivableInstalment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceivableRepository implements PanacheRepositoryBase<ReceivableInstalment, UUID> {

    static final EnumSet<InstalmentStatus> OPEN = EnumSet.of(InstalmentStatus.PENDING, InstalmentStatus.PARTIAL,
            InstalmentStatus.OVERDUE);

    /** Keyset position in a collection list (earliest due first). */
    public record After(LocalDate dueOn, UUID id) {
    }

    /** An open instalment with the client's name, for the collection list. */
    public record Collectible(ReceivableInstalment instalment, String legalName) {
    }

    /** Outstanding and overdue amounts of one currency. */
    public record Totals(String currency, BigDecimal outstanding, BigDecimal overdue) {
    }

    /** The order's current plan (not voided), by sequence. */
    public List<ReceivableInstalment> plan(UUID orderId) {
        return find("orderId = ?1 and status <> ?2", Sort.ascending("seq"), orderId, InstalmentStatus.VOID).list();
    }

    public List<ReceivableInstalment> openOfClient(UUID clientId, int limit) {
        return find("clientId = ?1 and status in ?2", Sort.ascending("dueOn", "id"), clientId, OPEN)
                .range(0, limit - 1).list();
    }

    public List<Totals> totals(UUID clientId, LocalDate today) {
        return getEntityManager().createQuery("""
                        select new com.example.crm.interaction.orders.persistence.ReceivableRepository$Totals(i.currency,
                               sum(i.amount - i.paidAmount),
                               sum(case when i.dueOn < :today then i.amount - i.paidAmount else 0 end))
                        from ReceivableInstalment i where i.clientId = :client and i.status in :open
                        group by i.currency order by i.currency""", Totals.class)
                .setParameter("client", clientId).setParameter("today", today).setParameter("open", OPEN)
                .getResultList();
    }

    /** Open instalments of the clients {@code owner} owns, earliest due first; only past-due ones if asked. */
    public List<Collectible> collection(String owner, boolean overdueOnly, LocalDate today, After after, int limit) {
        StringBuilder where = new StringBuilder(
                "from ReceivableInstalment i, KnownClient c where c.id = i.clientId and c.ownerId = :owner and i.status in :open");
        Parameters params = Parameters.with("owner", owner).and("open", OPEN);
        if (overdueOnly) {
            where.append(" and i.dueOn < :today");
            params.and("today", today);
        }
        if (after != null) {
            where.append(" and (i.dueOn > :at or (i.dueOn = :at and i.id > :id))");
            params.and("at", after.dueOn()).and("id", after.id());
        }
        var query = getEntityManager().createQuery("select new " + Collectible.class.getName()
                + "(i, c.legalName) " + where + " order by i.dueOn, i.id", Collectible.class);
        params.map().forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Past-due unpaid instalments not flagged yet, locked for this transaction; rows another replica is
     * flagging are skipped, so several replicas never flag (and announce) the same instalment twice.
     */
    @SuppressWarnings("unchecked")
    public List<ReceivableInstalment> lockUnflaggedPastDue(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from receivable_instalment
                        where status in ('PENDING', 'PARTIAL') and due_on < :today
                        order by due_on, id limit :limit for update skip locked""", ReceivableInstalment.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList();
    }

}
