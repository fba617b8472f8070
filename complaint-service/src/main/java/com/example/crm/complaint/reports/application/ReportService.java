package com.example.crm.complaint.reports.application;

import com.example.crm.complaint.config.ComplaintConfig;
import com.example.crm.complaint.reports.persistence.ReportRepository;
import com.example.crm.platform.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reports: SLA compliance and response/resolution times (by category and severity), satisfaction (CSAT = share of
 * scores 4–5, average gap performance − expectation; by category and assignee) and repeat complainers.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final ComplaintConfig config;
    private final Clock clock;

    public ReportService(ReportRepository reports, ComplaintConfig config, Clock clock) {
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    /** complianceRate: of the complaints decided (resolved, or breached), the share resolved within both targets. */
    public record SlaGroup(String dimension, String key, long complaints, long decided, long withinSla,
                           BigDecimal complianceRate, Double meanFirstResponseMinutes, Double p50FirstResponseMinutes,
                           Double p90FirstResponseMinutes, Double meanResolutionMinutes, Double p50ResolutionMinutes,
                           Double p90ResolutionMinutes) {
    }

    public record SatisfactionGroup(String dimension, String key, long answered, BigDecimal csat,
                                    BigDecimal averageScore, BigDecimal averageGap) {
    }

    public record Period(Instant from, Instant to) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SlaGroup> sla(Period period) {
        return reports.sla(period.from(), period.to()).stream().map(r -> new SlaGroup(r.dimension(), r.key(),
                r.complaints(), r.decided(), r.withinSla(), rate(r.withinSla(), r.decided()), r.meanFirstResponse(),
                r.p50FirstResponse(), r.p90FirstResponse(), r.meanResolution(), r.p50Resolution(), r.p90Resolution()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SatisfactionGroup> satisfaction(Period period) {
        return reports.satisfaction(period.from(), period.to()).stream().map(r -> new SatisfactionGroup(r.dimension(),
                r.key(), r.answered(), rate(r.satisfied(), r.answered()), r.averageScore(), r.averageGap())).toList();
    }

    /** Clients with at least the configured number of complaints within the configured window, most first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportRepository.RepeatComplainer> repeatComplainers(int limit) {
        Instant since = clock.instant().minus(Duration.ofDays(config.reports().repeatWindowDays()));
        return reports.repeatComplainers(since, config.reports().repeatComplaints(), limit);
    }

    /** [from, to); default: the last 30 days. */
    public Period period(Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw new DomainException.InvalidValue("from", "must be before to");
        }
        return new Period(start, end);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
