package com.example.crm.segmentation.analyses.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.example.crm.platform.persistence.NativeValues.date;
import static com.example.crm.platform.persistence.NativeValues.instant;

/** Read queries over the projection and the latest classification: allocation, value, retention, prospects. */
@ApplicationScoped
public class AnalysisRepository {

    private final EntityManager em;

    public AnalysisRepository(EntityManager em) {
        this.em = em;
    }

    public record TieredClient(UUID clientId, String legalName, String valueTier) {
    }

    /** An owner's active clients with their value tier (PROSPECT for potential/intended ones not classified yet). */
    public List<TieredClient> clientsOf(String owner, int limit) {
        List<?> rows = em.createNativeQuery("""
                        select p.client_id, p.legal_name,
                          coalesce(c.value_tier, case when p.status in ('POTENTIAL', 'INTENDED') then 'PROSPECT' else 'ORDINARY' end)
                        from client_profile p left join classification c using (client_id)
                        where p.owner_id = :owner and not p.deleted and p.merged_into is null and not p.erased
                          and p.status <> 'TERMINATED'
                        order by p.legal_name, p.client_id limit :limit""")
                .setParameter("owner", owner).setParameter("limit", limit).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new TieredClient((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Value minus cost to serve, with its parts. */
    public record ClientValue(UUID clientId, String legalName, String ownerId, BigDecimal revenue, long contacts,
                              long complaints, BigDecimal compensation, BigDecimal overdue, BigDecimal costToServe,
                              BigDecimal net) {
    }

    public record Weights(String currency, Instant since, double perContact, double perComplaint, double overdueShare) {
    }

    /** The top (best) or bottom (worst) clients by net value, overall or of one owner. */
    public List<ClientValue> byNetValue(String owner, Weights w, boolean best, int limit) {
        var query = em.createNativeQuery("""
                        with v as (
                          select p.client_id, p.legal_name, p.owner_id,
                            coalesce((select sum(o.amount) from order_fact o where o.client_id = p.client_id and not o.cancelled
                                      and o.currency = :currency and o.ordered_at >= cast(:since as timestamptz)), 0) as revenue,
                            coalesce((select cf.contacts from contact_fact cf where cf.client_id = p.client_id), 0) as contacts,
                            (select count(*) from complaint_fact c where c.client_id = p.client_id
                               and c.received_at >= cast(:since as timestamptz)) as complaints,
                            coalesce((select sum(c.compensation) from complaint_fact c where c.client_id = p.client_id
                                      and c.compensation_currency = :currency), 0) as compensation,
                            coalesce((select sum(i.outstanding) from overdue_instalment i where i.client_id = p.client_id
                                      and i.currency = :currency), 0) as overdue
                          from client_profile p
                          where not p.deleted and p.merged_into is null and not p.erased
                            %s
                        ), costed as (
                          select v.*, round(contacts * cast(:perContact as numeric) + complaints * cast(:perComplaint as numeric)
                                            + compensation + overdue * cast(:overdueShare as numeric), 2) as cost
                          from v
                        )
                        select client_id, legal_name, owner_id, revenue, contacts, complaints, compensation, overdue, cost,
                               revenue - cost as net
                        from costed
                        order by (case when :best then revenue - cost else cost - revenue end) desc, client_id
                        limit :limit""".formatted(owner == null ? "" : "and p.owner_id = :owner"))
                .setParameter("currency", w.currency()).setParameter("since", w.since())
                .setParameter("perContact", w.perContact()).setParameter("perComplaint", w.perComplaint())
                .setParameter("overdueShare", w.overdueShare()).setParameter("best", best).setParameter("limit", limit);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new ClientValue((UUID) r[0], (String) r[1],
                (String) r[2], (BigDecimal) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9])).toList();
    }

    /** One month of the leaky bucket (docs/domain.md, "Segments and analyses"). */
    public record RetentionMonth(LocalDate month, long activeAtStart, long gained, long lost, BigDecimal revenue,
                                 BigDecimal revenueFromExisting) {
    }

    /**
     * Per month: clients active at its start (first order before it, not lost before it), gained (first order in
     * it), lost (terminated in it, or lapsed: the lapse day — last order plus the lapse period — falls in it),
     * revenue and the part from clients whose first order came before the month.
     */
    public List<RetentionMonth> retention(String currency, LocalDate from, LocalDate to, int lapsedAfterDays,
                                          Instant now) {
        List<?> rows = em.createNativeQuery("""
                        with orders as (
                          select client_id, ordered_at, amount, currency from order_fact where not cancelled
                        ), clients as (
                          select p.client_id, min(o.ordered_at) as first_order, max(o.ordered_at) as last_order,
                            least(p.terminated_at, max(o.ordered_at) + make_interval(days => :lapse)) as lost_at
                          from client_profile p join orders o using (client_id)
                          where p.merged_into is null
                          group by p.client_id, p.terminated_at
                        ), months as (
                          select generate_series(cast(:from as date), cast(:to as date), interval '1 month')::date as month
                        )
                        select m.month,
                          (select count(*) from clients c where c.first_order < m.month
                             and (c.lost_at is null or c.lost_at >= m.month)),
                          (select count(*) from clients c where c.first_order >= m.month
                             and c.first_order < m.month + interval '1 month'),
                          (select count(*) from clients c where c.lost_at >= m.month
                             and c.lost_at < m.month + interval '1 month' and c.lost_at <= :now),
                          coalesce((select sum(o.amount) from orders o where o.currency = :currency
                             and o.ordered_at >= m.month and o.ordered_at < m.month + interval '1 month'), 0),
                          coalesce((select sum(o.amount) from orders o join clients c using (client_id)
                             where o.currency = :currency and c.first_order < m.month
                               and o.ordered_at >= m.month and o.ordered_at < m.month + interval '1 month'), 0)
                        from months m order by m.month""")
                .setParameter("from", from).setParameter("to", to).setParameter("lapse", lapsedAfterDays)
                .setParameter("currency", currency).setParameter("now", now).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new RetentionMonth(date(r[0]),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    /** A prospect: status, contacts so far, the latest contact and its outcome. */
    public record ProspectRow(UUID clientId, String legalName, String ownerId, String status, long contacts,
                              Instant lastContactAt, String lastOutcome) {
    }

    public List<ProspectRow> prospects(String owner, int limit) {
        List<?> rows = em.createNativeQuery("""
                        select p.client_id, p.legal_name, p.owner_id, p.status, coalesce(cf.contacts, 0),
                          cf.last_contact_at, cf.last_outcome
                        from client_profile p left join contact_fact cf using (client_id)
                        where p.status in ('POTENTIAL', 'INTENDED') and not p.deleted and p.merged_into is null
                          and not p.erased and p.owner_id = :owner
                        order by cf.last_contact_at nulls first, p.client_id limit :limit""")
                .setParameter("owner", owner).setParameter("limit", limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new ProspectRow((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], ((Number) r[4]).longValue(), instant(r[5]), (String) r[6])).toList();
    }

    /** Prospects of an owner contacted since {@code since} (the active pipeline). */
    public long activeProspects(String owner, Instant since) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from client_profile p join contact_fact cf using (client_id)
                        where p.owner_id = :owner and p.status in ('POTENTIAL', 'INTENDED') and not p.deleted
                          and p.merged_into is null and not p.erased and cf.last_contact_at >= cast(:since as timestamptz)""")
                .setParameter("owner", owner).setParameter("since", since).getSingleResult()).longValue();
    }

    /** An existing client whose last order is older than the lapse period. */
    public record Lapsed(UUID clientId, String legalName, String ownerId, Instant lastOrderAt, long daysSinceLastOrder) {
    }

    /** Lapsed clients after the keyset {@code (afterLastOrder, afterId)} (both null for the first page). */
    public List<Lapsed> lapsed(String owner, Instant before, Instant now, Instant afterLastOrder, UUID afterId, int limit) {
        var query = em.createNativeQuery("""
                        select p.client_id, p.legal_name, p.owner_id, max(o.ordered_at) as last_order
                        from client_profile p join order_fact o on o.client_id = p.client_id and not o.cancelled
                        where p.status = 'EXISTING' and not p.deleted and p.merged_into is null and not p.erased %s
                        group by p.client_id, p.legal_name, p.owner_id
                        having max(o.ordered_at) < cast(:before as timestamptz) %s
                        order by last_order, p.client_id limit :limit""".formatted(
                        owner == null ? "" : "and p.owner_id = :owner",
                        afterId == null ? "" : "and (max(o.ordered_at), p.client_id) > (cast(:afterAt as timestamptz), :afterId)"))
                .setParameter("before", before).setParameter("limit", limit);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        if (afterId != null) {
            query.setParameter("afterAt", afterLastOrder).setParameter("afterId", afterId);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> {
            Instant last = instant(r[3]);
            return new Lapsed((UUID) r[0], (String) r[1], (String) r[2], last,
                    java.time.Duration.between(last, now).toDays());
        }).toList();
    }
}
