package com.example.crm.segmentation.classification.persistence;

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
    public record Inputs(String currency, Instant revenueSince, double aShare, double bShare, Instant now, String workMem) {
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
        // one run at a time: it may sort and aggregate in memory what would otherwise spill to disk
        em.createNativeQuery("select set_config('work_mem', :mem, true)").setParameter("mem", in.workMem()).getSingleResult();
        em.createNativeQuery("drop table if exists fresh").executeUpdate();
        int clients = em.createNativeQuery("""
                create temp table fresh on commit drop as
                with orders as (
                  select client_id,
                    sum(amount) filter (where currency = :currency and ordered_at >= cast(:since as timestamptz)) as revenue,
                    count(*) filter (where currency = :currency and ordered_at >= cast(:since as timestamptz)) as orders,
                    max(ordered_at) filter (where currency = :currency and ordered_at >= cast(:since as timestamptz)) as last_order,
                    count(*) as all_orders, min(ordered_at) as first_order, max(ordered_at) as last_any,
                    sum(amount) filter (where currency = :currency
                                          and ordered_at >= cast(:now as timestamptz) - interval '90 days') as last90,
                    sum(amount) filter (where currency = :currency
                                          and ordered_at >= cast(:now as timestamptz) - interval '180 days'
                                          and ordered_at < cast(:now as timestamptz) - interval '90 days') as prev90
                  from order_fact where not cancelled group by client_id
                ),
                overdue as (
                  select client_id, count(*) as overdue from overdue_instalment where outstanding > 0 group by client_id
                ),
                complaints as (
                  select client_id, count(*) filter (where open) as open_complaints,
                    count(*) filter (where breached and received_at >= cast(:now as timestamptz) - interval '180 days') as breached,
                    avg(survey_gap) as gap
                  from complaint_fact group by client_id
                ),
                missed as (
                  select client_id, count(*) as missed from missed_visit
                  where planned_on >= (cast(:now as timestamptz) - interval '90 days')::date group by client_id
                ),
                base as (
                  -- only what the windows sort by travels through the sorts; the rest is joined back afterwards
                  select p.client_id, coalesce(o.revenue, 0) as revenue, coalesce(o.orders, 0) as orders, o.last_order
                  from client_profile p left join orders o using (client_id)
                  where not p.deleted and p.merged_into is null and not p.erased
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
                factors as (
                  select r.*, p.status, p.relationship_level,
                    case when o.all_orders >= 2 then
                      extract(epoch from (cast(:now as timestamptz) - o.last_any))
                        / nullif(extract(epoch from (o.last_any - o.first_order)) / (o.all_orders - 1), 0)
                    end as recency_ratio,
                    o.last90, o.prev90, coalesce(od.overdue, 0) as overdue,
                    coalesce(c.open_complaints, 0) as open_complaints, coalesce(c.breached, 0) as breached, c.gap,
                    coalesce(m.missed, 0) as missed
                  from ranked r join client_profile p using (client_id)
                    left join orders o using (client_id) left join overdue od using (client_id)
                    left join complaints c using (client_id) left join missed m using (client_id)
                ),
                scored as (
                  select factors.*,
                    case when revenue <= 0 then 'C'
                         when rank = 1 or cum <= :a * total then 'A'
                         when cum <= :b * total then 'B' else 'C' end as abc_class,
                    case when recency_ratio >= 2 then 30 when recency_ratio >= 1.5 then 20 when recency_ratio >= 1 then 10 else 0 end as p_recency,
                    case when coalesce(prev90, 0) > 0 and coalesce(last90, 0) <= 0.5 * prev90 then 20
                         when coalesce(prev90, 0) > 0 and coalesce(last90, 0) <= 0.75 * prev90 then 10 else 0 end as p_trend,
                    case when overdue > 0 then 15 else 0 end as p_overdue,
                    case when open_complaints > 0 then 10 else 0 end + case when breached > 0 then 10 else 0 end as p_complaints,
                    case when gap < 0 then 10 else 0 end as p_satisfaction,
                    least(missed * 5, 15) as p_missed
                  from factors
                ),
                a as (
                  select scored.*, least(100, p_recency + p_trend + p_overdue + p_complaints + p_satisfaction + p_missed)
                    as churn_score
                  from scored
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
                  a.churn_score,
                  case when a.churn_score >= 60 then 'HIGH' when a.churn_score >= 30 then 'MEDIUM' else 'LOW' end as churn_risk,
                  jsonb_build_object('recencyRatio', round(a.recency_ratio::numeric, 2), 'recency', a.p_recency,
                    'last90', a.last90, 'prev90', a.prev90, 'revenueTrend', a.p_trend,
                    'overdueInstalments', a.overdue, 'overdue', a.p_overdue,
                    'openComplaints', a.open_complaints, 'breachedComplaints', a.breached, 'complaints', a.p_complaints,
                    'averageSatisfactionGap', round(a.gap, 2), 'satisfaction', a.p_satisfaction,
                    'missedVisits', a.missed, 'missed', a.p_missed) as churn_reason
                from a""")
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
                        select f.client_id, f.abc_class, f.value_tier, f.churn_risk, f.churn_score, f.r, f.f, f.m,
                          f.rfm_segment
                        from fresh f left join classification c using (client_id)
                        where %s
                          (c.client_id is null or c.abc_class <> f.abc_class or c.value_tier <> f.value_tier
                           or c.churn_risk <> f.churn_risk)
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

    /**
     * Stores every client's classification with its reasons; drops those of clients no longer active. A row whose
     * values and reasons this run computed again unchanged is left as it is (with the run that computed them), so a
     * run writes only what changed.
     */
    public void store(UUID runId, Instant computedAt, String currency) {
        // an update of the rows that changed and an insert of the new ones, not an upsert: an upsert locks every
        // existing row it compares (writing each of them), where most rows of a run are unchanged
        em.createNativeQuery("""
                        with s as (
                          select client_id, abc_class,
                            jsonb_build_object('revenue', revenue, 'currency', :currency, 'rank', rank,
                              'share', case when total > 0 then round(revenue / total, 4) end,
                              'cumulativeShare', case when total > 0 then round(cum / total, 4) end) as abc_reason,
                            r, f, m, rfm_segment,
                            jsonb_build_object('orders', orders, 'lastOrderAt', last_order, 'revenue', revenue) as rfm_reason,
                            value_tier, tier_reason, churn_score,
                            churn_risk,
                            churn_reason
                          from fresh
                        ),
                        changed as (
                          update classification c set run_id = :run, computed_at = :at, abc_class = s.abc_class,
                            abc_reason = s.abc_reason, rfm_r = s.r, rfm_f = s.f, rfm_m = s.m, rfm_segment = s.rfm_segment,
                            rfm_reason = s.rfm_reason, value_tier = s.value_tier, tier_reason = s.tier_reason,
                            churn_score = s.churn_score, churn_risk = s.churn_risk, churn_reason = s.churn_reason
                          from s
                          where c.client_id = s.client_id
                            and (c.abc_class, c.abc_reason, c.rfm_r, c.rfm_f, c.rfm_m, c.rfm_segment, c.rfm_reason,
                                 c.value_tier, c.tier_reason, c.churn_score, c.churn_reason)
                              is distinct from (s.abc_class, s.abc_reason, s.r, s.f, s.m, s.rfm_segment, s.rfm_reason,
                                 s.value_tier, s.tier_reason, s.churn_score, s.churn_reason)
                          returning c.client_id
                        )
                        insert into classification (client_id, run_id, computed_at, abc_class, abc_reason, rfm_r, rfm_f,
                          rfm_m, rfm_segment, rfm_reason, value_tier, tier_reason, churn_score, churn_risk, churn_reason)
                        select client_id, :run, :at, abc_class, abc_reason, r, f, m, rfm_segment, rfm_reason, value_tier,
                          tier_reason, churn_score, churn_risk, churn_reason
                        from s where not exists (select 1 from classification c where c.client_id = s.client_id)""")
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
