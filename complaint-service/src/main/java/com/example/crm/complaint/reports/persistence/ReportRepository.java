package com.example.crm.complaint.reports.persistence;

import com.example.crm.platform.replica.ReplicaVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.example.crm.platform.persistence.NativeValues.instant;

/** The report queries: one pass each, grouped overall, by category and by severity (or assignee). */
@ApplicationScoped
public class ReportRepository {

    private final EntityManager em;
    private final ReplicaVisibility visibility;

    public ReportRepository(EntityManager em, ReplicaVisibility visibility) {
        this.em = em;
        this.visibility = visibility;
    }

    /** One group of the SLA report; dimension ALL, CATEGORY or SEVERITY; times in minutes. */
    public record SlaRow(String dimension, String key, long complaints, long decided, long withinSla,
                         Double meanFirstResponse, Double p50FirstResponse, Double p90FirstResponse,
                         Double meanResolution, Double p50Resolution, Double p90Resolution) {
    }

    /** One group of the satisfaction report; dimension ALL, CATEGORY or ASSIGNEE. */
    public record SatisfactionRow(String dimension, String key, long answered, long satisfied, BigDecimal averageScore,
                                  BigDecimal averageGap) {
    }

    public record RepeatComplainer(UUID clientId, String legalName, long complaints, Instant lastReceivedAt) {
    }

    public List<SlaRow> sla(Instant from, Instant to) {
        List<?> rows = visibility.bind(em.createNativeQuery("""
                        select case when grouping(category) = 0 then 'CATEGORY' when grouping(severity) = 0 then 'SEVERITY'
                                    else 'ALL' end,
                               coalesce(category, severity),
                               count(*),
                               count(*) filter (where status in ('RESOLVED', 'CLOSED') or first_response_breached
                                                       or resolution_breached),
                               count(*) filter (where status in ('RESOLVED', 'CLOSED') and not first_response_breached
                                                       and not resolution_breached),
                               avg(extract(epoch from acknowledged_at - received_at) / 60),
                               percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - received_at) / 60),
                               percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - received_at) / 60),
                               avg(extract(epoch from resolved_at - received_at) / 60),
                               percentile_cont(0.5) within group (order by extract(epoch from resolved_at - received_at) / 60),
                               percentile_cont(0.9) within group (order by extract(epoch from resolved_at - received_at) / 60)
                        from complaint where received_at >= :from and received_at < :to %s
                        group by grouping sets ((), (category), (severity))
                        order by 1, 2""".formatted(scoped("client_id")))
                .setParameter("from", from).setParameter("to", to)).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new SlaRow((String) r[0], (String) r[1],
                number(r[2]), number(r[3]), number(r[4]), decimal(r[5]), decimal(r[6]), decimal(r[7]), decimal(r[8]),
                decimal(r[9]), decimal(r[10]))).toList();
    }

    public List<SatisfactionRow> satisfaction(Instant from, Instant to) {
        List<?> rows = visibility.bind(em.createNativeQuery("""
                        select case when grouping(c.category) = 0 then 'CATEGORY'
                                    when grouping(c.assignee_id) = 0 then 'ASSIGNEE' else 'ALL' end,
                               coalesce(c.category, c.assignee_id),
                               count(*), count(*) filter (where s.score >= 4),
                               round(avg(s.score), 2), round(avg(s.gap), 2)
                        from survey s join complaint c on c.id = s.complaint_id
                        where s.answered_at >= :from and s.answered_at < :to %s
                        group by grouping sets ((), (c.category), (c.assignee_id))
                        order by 1, 2""".formatted(scoped("c.client_id")))
                .setParameter("from", from).setParameter("to", to)).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new SatisfactionRow((String) r[0], (String) r[1],
                number(r[2]), number(r[3]), (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    public List<RepeatComplainer> repeatComplainers(Instant since, int minimum, int limit) {
        List<?> rows = visibility.bind(em.createNativeQuery("""
                        select c.client_id, k.legal_name, count(*), max(c.received_at)
                        from complaint c left join known_client k on k.id = c.client_id
                        where c.received_at >= :since %s
                        group by c.client_id, k.legal_name having count(*) >= :minimum
                        order by count(*) desc, max(c.received_at) desc limit :limit""".formatted(scoped("c.client_id")))
                .setParameter("since", since).setParameter("minimum", minimum).setParameter("limit", limit))
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new RepeatComplainer((UUID) r[0], (String) r[1],
                number(r[2]), instant(r[3]))).toList();
    }

    /** The data scope: only the complaints of clients the caller sees count (nothing added when they see all). */
    private String scoped(String clientIdColumn) {
        String condition = visibility.condition("v");
        return "true".equals(condition) ? ""
                : "and " + clientIdColumn + " in (select v.id from known_client v where " + condition + ")";
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
