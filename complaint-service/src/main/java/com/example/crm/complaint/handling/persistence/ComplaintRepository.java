package com.example.crm.complaint.handling.persistence;

import com.example.crm.platform.replica.ReplicaVisibility;

import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.EscalationLevel;
import com.example.crm.complaint.handling.domain.Severity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    /** Filters of the complaint list; null means "any"; the period [from, to) is on the received time. */
    public record Filter(ComplaintStatus status, Category category, Severity severity, String assigneeId,
                         UUID clientId, Boolean breached, EscalationLevel level, Instant from, Instant to) {
    }

    /** Keyset position: the last complaint of the previous page (newest first). */
    public record After(Instant receivedAt, UUID id) {
    }

    /**
     * A page of complaints, newest first; {@code scope} keeps those of the clients the caller sees (data scope), and
     * those assigned to the caller.
     */
    public List<Complaint> page(Filter f, ReplicaVisibility.Condition scope, After after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (!scope.parameters().isEmpty()) {
            where.append(" and (").append(scope.hql()).append(" or assigneeId = :scopeUser)");
            scope.parameters().forEach(p::and);
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            p.and("status", f.status());
        }
        if (f.category() != null) {
            where.append(" and category = :category");
            p.and("category", f.category());
        }
        if (f.severity() != null) {
            where.append(" and severity = :severity");
            p.and("severity", f.severity());
        }
        if (f.assigneeId() != null) {
            where.append(" and assigneeId = :assignee");
            p.and("assignee", f.assigneeId());
        }
        if (f.clientId() != null) {
            where.append(" and clientId = :client");
            p.and("client", f.clientId());
        }
        if (f.breached() != null) {
            where.append(f.breached() ? " and (firstResponseBreached = true or resolutionBreached = true)"
                    : " and firstResponseBreached = false and resolutionBreached = false");
        }
        if (f.level() != null) {
            where.append(" and escalationLevel = :level");
            p.and("level", f.level());
        }
        if (f.from() != null) {
            where.append(" and receivedAt >= :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and receivedAt < :to");
            p.and("to", f.to());
        }
        if (after != null) {
            where.append(" and (receivedAt < :at or (receivedAt = :at and id < :id))");
            p.and("at", after.receivedAt()).and("id", after.id());
        }
        return find(where.toString(), Sort.descending("receivedAt", "id"), p).range(0, limit - 1).list();
    }

    /**
     * Complaints whose next SLA threshold has passed, locked for this transaction; rows another replica is
     * escalating are skipped, so two schedulers never escalate the same complaint twice.
     */
    @SuppressWarnings("unchecked")
    public List<Complaint> lockDueForEscalation(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from complaint where next_escalation_at <= :now
                        order by next_escalation_at limit :limit for update skip locked""", Complaint.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** Open complaints of a client (their SLA follows the client's tier). */
    public List<Complaint> openOf(UUID clientId) {
        return list("clientId = ?1 and status not in ?2", clientId,
                List.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED));
    }

    public String nextNumber(int year) {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('complaint_number_seq')")
                .getSingleResult()).longValue();
        return "CMP-%d-%06d".formatted(year, n);
    }

    public int moveToClient(UUID from, UUID to) {
        return update("clientId = ?1 where clientId = ?2", to, from);
    }

    /** Erasure: the customer's words and the steps' free text go; categories, times, levels and amounts stay. */
    public int scrubClient(UUID clientId) {
        return getEntityManager().createNativeQuery("""
                        update complaint set subject = '(erased)', customer_words = null,
                          acknowledgement = case when acknowledgement is null then null
                                            else acknowledgement - 'customerAccount' end,
                          investigation = case when investigation is null then null
                                          else investigation - 'finding' - 'toldCustomer' end,
                          resolution = case when resolution is null then null
                                       else resolution - 'preferredResolution' - 'resolution' end
                        where client_id = :client""")
                .setParameter("client", clientId).executeUpdate();
    }
}
