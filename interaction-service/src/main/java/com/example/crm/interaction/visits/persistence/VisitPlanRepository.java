package com.example.crm.interaction.visits.persistence;

import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.domain.VisitPlanStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VisitPlanRepository implements PanacheRepositoryBase<VisitPlan, UUID> {

    private static final Sort BY_TIME = Sort.ascending("plannedOn").and("plannedAt", Sort.NullPrecedence.NULLS_LAST)
            .and("id");

    /** Keyset position in a client's plans (earliest first). */
    public record After(LocalDate plannedOn, UUID id) {
    }

    /** A plan in an agenda with its client's name. */
    public record AgendaRow(VisitPlan plan, String legalName) {
    }

    /** The next open plan of a client. */
    public Optional<VisitPlan> nextOpen(UUID clientId) {
        return find("clientId = ?1 and status = ?2", BY_TIME, clientId, VisitPlanStatus.PLANNED).firstResultOptional();
    }

    public List<VisitPlan> page(UUID clientId, VisitPlanStatus status, After after, int limit) {
        StringBuilder where = new StringBuilder("clientId = :client");
        Parameters params = Parameters.with("client", clientId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            where.append(" and (plannedOn > :on or (plannedOn = :on and id > :id))");
            params.and("on", after.plannedOn()).and("id", after.id());
        }
        return find(where.toString(), Sort.ascending("plannedOn", "id"), params).range(0, limit - 1).list();
    }

    /**
     * {@code assignee}'s plans of the days [from, to] and the open ones before {@code today} (overdue), by day and
     * time; at most {@code limit} rows.
     */
    public List<AgendaRow> agenda(String assignee, LocalDate today, LocalDate from, LocalDate to, int limit) {
        return getEntityManager().createQuery("""
                        select new com.example.crm.interaction.visits.persistence.VisitPlanRepository$AgendaRow(p, c.legalName)
                        from VisitPlan p left join KnownClient c on c.id = p.clientId
                        where p.assigneeId = :assignee
                          and ((p.status = :planned and p.plannedOn < :today) or p.plannedOn between :from and :to)
                        order by p.plannedOn, p.plannedAt nulls last, p.id""", AgendaRow.class)
                .setParameter("assignee", assignee).setParameter("planned", VisitPlanStatus.PLANNED)
                .setParameter("today", today)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList();
    }

    /** Open plans of days before {@code today}, locked; rows another replica holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<VisitPlan> lockPastOpen(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from visit_plan where status = 'PLANNED' and planned_on < :today
                        order by planned_on, id limit :limit for update skip locked""", VisitPlan.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList();
    }

    public List<VisitPlan> openOf(UUID clientId, String assignee) {
        return list("clientId = ?1 and assigneeId = ?2 and status = ?3", clientId, assignee, VisitPlanStatus.PLANNED);
    }

    /** The client's plans still PLANNED, whoever is assigned. */
    public List<VisitPlan> plannedOf(UUID clientId) {
        return list("clientId = ?1 and status = ?2", clientId, VisitPlanStatus.PLANNED);
    }

}
