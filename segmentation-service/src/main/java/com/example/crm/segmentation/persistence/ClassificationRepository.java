package com.example.crm.segmentation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The classification run as set-based SQL: ABC (Pareto over trailing revenue), RFM quintiles, value tier and churn
 * risk for every active client in one statement into a scratch table, then the changed rows, then an upsert. The
 * rules are documented in {@code docs/segmentation.md}; the thresholds are parameters, never concatenated input.
 */
@ApplicationScoped
public class ClassificationRepository {

    private final EntityManager em;

    public ClassificationRepository(EntityManager em) {
        this.em = em;
    }

    /** Parameters of a run. */
    public record Inputs(String currency, Instant revenueSince, double aShare, double bShare, Instant now) {
    }

    /** A client whose class, tier or risk level changed in this run (or that was classified for the first time). */
    public record Changed(UUID clientId, String abcClass, String valueTier, String churnRisk, int churnScore,
                          int r, int f, int m, String rfmSegment) {
    }

    /** Whether this transaction holds the run lock (one run at a time across replicas). */
    public boolean tryRunLock() {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('crm.segmentation.run'))")
                .getSingleResult();
    }

    /** Computes every active client's classification into {@code fresh}; the number of clients. */
    public int compute(Inputs in) {
        em.createNativeQuery("drop table if exists fresh").executeUpdate();
        int clients = em.createNativeQuery("""
                create temp table fresh on commit drop as
                with active as (
                  select client_id, status, relationship_level from client_profile
                  where not deleted and merged_into is null and not erased
                ),
                rev as (
                  select client_id, sum(amount) as revenue, count(*) as orders, max(ordered_at) as last_order
                  from order_fact where not cancelled and currency = :currency and ordered_at >= cast(:since as timestamptz)
                  group by client_id
                ),
                base as (
                  select a.client_id, a.status, a.relationship_level, coalesce(r.revenue, 0) as revenue,
                         coalesce(r.orders, 0) as orders, r.last_order
                  from active a left join rev r using (client_id)
                ),
                ranked as (
                  select b.*, row_number() over (order by revenue desc, client_id) as rank,
                         sum(revenue) over (order by revenue desc, client_id rows between unbounded preceding and current row) as cum,
                         sum(revenue) over () as total,
                         case when orders = 0 then 1 else ceil(5 * cume_dist() over (partition by orders > 0 order by last_order))::int end as r,
                         case when orders = 0 then 1 else ceil(5 * cume_dist() over (partition by orders > 0 order by orders))::int end as f,
                         case when orders = 0 then 1 else ceil(5 * cume_dist() over (partition by orders > 0 order by revenue))::int end as m
                  from base b
                ),
                abc as (
                  select ranked.*,
                         case when revenue <= 0 then 'C'
                              when rank = 1 or cum <= :a * total then 'A'
                              when cum <= :b * total then 'B' else 'C' end as abc_class
                  from ranked
                ),
                history as (
                  select o.client_id, count(*) as all_orders, min(o.ordered_at) as first_order, max(o.ordered_at) as last_any,
                         sum(o.amount) filter (where o.currency = :currency and o.ordered_at >= cast(:now as timestamptz) - interval '90 days') as last90,
                         sum(o.amount) filter (where o.currency = :currency and o.ordered_at >= cast(:now as timestamptz) - interval '180 days'
                                                 and o.ordered_at < cast(:now as timestamptz) - interval '90 days') as prev90
                  from order_fact o where not o.cancelled group by o.client_id
                ),
                factors as (
                  select a.client_id,
                    case when h.all_orders >= 2 then
                      extract(epoch from (cast(:now as timestamptz) - h.last_any)) / nullif(extract(epoch from (h.last_any - h.first_order)) / (h.all_orders - 1), 0)
                    end as recency_ratio,
                    h.last90, h.prev90,
                    (select count(*) from overdue_instalment oi where oi.client_id = a.client_id and oi.outstanding > 0) as overdue,
                    (select count(*) from complaint_fact c where c.client_id = a.client_id and c.open) as open_complaints,
                    (select count(*) from complaint_fact c where c.client_id = a.client_id and c.breached
                       and c.received_at >= cast(:now as timestamptz) - interval '180 days') as breached,
                    (select avg(c.survey_gap) from complaint_fact c where c.client_id = a.client_id and c.survey_gap is not null) as gap,
                    (select count(*) from missed_visit mv where mv.client_id = a.client_id
                       and mv.planned_on >= (cast(:now as timestamptz) - interval '90 days')::date) as missed
                  from abc a left join history h using (client_id)
                ),
                points as (
                  select f.*,
                    case when recency_ratio >= 2 then 30 when recency_ratio >= 1.5 then 20 when recency_ratio >= 1 then 10 else 0 end as p_recency,
                    case when coalesce(prev90, 0) > 0 and coalesce(last90, 0) <= 0.5 * prev90 then 20
                         when coalesce(prev90, 0) > 0 and coalesce(last90, 0) <= 0.75 * prev90 then 10 else 0 end as p_trend,
                    case when overdue > 0 then 15 else 0 end as p_overdue,
                    case when open_complaints > 0 then 10 else 0 end + case when breached > 0 then 10 else 0 end as p_complaints,
                    case when gap < 0 then 10 else 0 end as p_satisfaction,
                    least(missed * 5, 15) as p_missed
                  from factors f
                )
                select a.client_id, a.abc_class, a.revenue, a.rank, a.cum, a.total, a.orders, a.last_order, a.r, a.f, a.m,
                  case when a.r >= 4 and a.f >= 4 and a.m >= 4 then 'CHAMPIONS'
                       when a.orders = 0 then 'NO_PURCHASES'
                       when a.r = 1 and a.f = 1 then 'LOST'
                       when a.r <= 2 and a.f >= 3 then 'AT_RISK'
                       when a.r <= 2 then 'HIBERNATING'
                       when a.f >= 4 then 'LOYAL'
                       when a.r >= 4 and a.f = 1 then 'NEW'
                       when a.r >= 3 and a.f >= 2 then 'POTENTIAL_LOYALIST'
                       else 'NEEDS_ATTENTION' end as rfm_segment,
                  case when a.abc_class = 'A' then 'KEY'
                       when a.relationship_level in ('PARTNER', 'STRATEGIC_ALLIANCE') then 'KEY'
                       when a.status in ('POTENTIAL', 'INTENDED') then 'PROSPECT' else 'ORDINARY' end as value_tier,
                  case when a.abc_class = 'A' then 'class A'
                       when a.relationship_level in ('PARTNER', 'STRATEGIC_ALLIANCE') then 'relationship level ' || a.relationship_level
                       when a.status in ('POTENTIAL', 'INTENDED') then 'status ' || a.status else 'other active client' end as tier_reason,
                  least(100, p.p_recency + p.p_trend + p.p_overdue + p.p_complaints + p.p_satisfaction + p.p_missed) as churn_score,
                  jsonb_build_object('recencyRatio', round(p.recency_ratio::numeric, 2), 'recency', p.p_recency,
                    'last90', p.last90, 'prev90', p.prev90, 'revenueTrend', p.p_trend,
                    'overdueInstalments', p.overdue, 'overdue', p.p_overdue,
                    'openComplaints', p.open_complaints, 'breachedComplaints', p.breached, 'complaints', p.p_complaints,
                    'averageSatisfactionGap', round(p.gap, 2), 'satisfaction', p.p_satisfaction,
                    'missedVisits', p.missed, 'missed', p.p_missed) as churn_reason
                from abc a join points p using (client_id)""")
                .setParameter("currency", in.currency()).setParameter("since", in.revenueSince())
                .setParameter("a", in.aShare()).setParameter("b", in.bShare()).setParameter("now", in.now())
                .executeUpdate();
        em.createNativeQuery("create unique index on fresh (client_id)").executeUpdate();
        em.createNativeQuery("analyze fresh").executeUpdate();
        return clients;
    }

    /**
     * A page of the clients whose class, tier or risk level differ from the stored classification, after
     * {@code after} (null: from the start) in client id order. Paged because the first run over a million clients
     * changes them all.
     */
    @SuppressWarnings("unchecked")
    public List<Changed> changed(UUID after, int limit) {
        var query = em.createNativeQuery("""
                        select f.client_id, f.abc_class, f.value_tier,
                          case when f.churn_score >= 60 then 'HIGH' when f.churn_score >= 30 then 'MEDIUM' else 'LOW' end,
                          f.churn_score, f.r, f.f, f.m, f.rfm_segment
                        from fresh f left join classification c using (client_id)
                        where %s
                          (c.client_id is null or c.abc_class <> f.abc_class or c.value_tier <> f.value_tier
                           or c.churn_risk <> case when f.churn_score >= 60 then 'HIGH' when f.churn_score >= 30 then 'MEDIUM' else 'LOW' end)
                        order by f.client_id limit :limit""".formatted(after == null ? "" : "f.client_id > :after and"))
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Changed((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), (String) r[8])).toList();
    }

    /** Stores every client's classification with its reasons; drops those of clients no longer active. */
    public void store(UUID runId, Instant computedAt, String currency) {
        em.createNativeQuery("""
                        insert into classification (client_id, run_id, computed_at, abc_class, abc_reason, rfm_r, rfm_f, rfm_m,
                          rfm_segment, rfm_reason, value_tier, tier_reason, churn_score, churn_risk, churn_reason)
                        select client_id, :run, :at, abc_class,
                          jsonb_build_object('revenue', revenue, 'currency', :currency, 'rank', rank,
                            'share', case when total > 0 then round(revenue / total, 4) end,
                            'cumulativeShare', case when total > 0 then round(cum / total, 4) end),
                          r, f, m, rfm_segment,
                          jsonb_build_object('orders', orders, 'lastOrderAt', last_order, 'revenue', revenue),
                          value_tier, tier_reason, churn_score,
                          case when churn_score >= 60 then 'HIGH' when churn_score >= 30 then 'MEDIUM' else 'LOW' end,
                          churn_reason
                        from fresh
                        on conflict (client_id) do update set run_id = excluded.run_id, computed_at = excluded.computed_at,
                          abc_class = excluded.abc_class, abc_reason = excluded.abc_reason, rfm_r = excluded.rfm_r,
                          rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m, rfm_segment = excluded.rfm_segment,
                          rfm_reason = excluded.rfm_reason, value_tier = excluded.value_tier,
                          tier_reason = excluded.tier_reason, churn_score = excluded.churn_score,
                          churn_risk = excluded.churn_risk, churn_reason = excluded.churn_reason""")
                .setParameter("run", runId).setParameter("at", computedAt)
                .setParameter("currency", currency).executeUpdate();
        em.createNativeQuery("delete from classification c where not exists (select 1 from fresh f where f.client_id = c.client_id)")
                .executeUpdate();
    }

    /** Counts per class, tier and risk level of the stored classification. */
    public String counts() {
        return (String) em.createNativeQuery("""
                        select jsonb_build_object(
                          'abc', (select coalesce(jsonb_object_agg(abc_class, n), '{}') from (select abc_class, count(*) n from classification group by 1) x),
                          'tier', (select coalesce(jsonb_object_agg(value_tier, n), '{}') from (select value_tier, count(*) n from classification group by 1) x),
                          'risk', (select coalesce(jsonb_object_agg(churn_risk, n), '{}') from (select churn_risk, count(*) n from classification group by 1) x))::text""")
                .getSingleResult();
    }
}
