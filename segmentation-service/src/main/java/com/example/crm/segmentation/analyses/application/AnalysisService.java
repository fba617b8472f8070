package com.example.crm.segmentation.analyses.application;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.example.crm.segmentation.analyses.persistence.AnalysisRepository;
import com.example.crm.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses over the projection (docs/domain.md, "Segments and analyses"): a rep's time allocation (60% key, 30%
 * ordinary, 10% prospects), best and worst clients by value minus cost to serve, the leaky bucket by month and
 * prospect development with revisit buckets. Rules in docs/segmentation.md.
 */
@ApplicationScoped
public class AnalysisService {

    static final int MAX_CLIENTS = 2000;

    private final AnalysisRepository analysis;
    private final SegmentationConfig config;
    private final CurrentUser user;
    private final Clock clock;

    public AnalysisService(AnalysisRepository analysis, SegmentationConfig config, CurrentUser user, Clock clock) {
        this.analysis = analysis;
        this.config = config;
        this.user = user;
        this.clock = clock;
    }

    public record TierAllocation(String tier, double share, BigDecimal hours, int clients, BigDecimal hoursPerClient) {
    }

    public record ClientHours(AnalysisRepository.TieredClient client, BigDecimal hours) {
    }

    public record Allocation(String owner, BigDecimal weeklyHours, List<TierAllocation> tiers, List<ClientHours> clients) {
    }

    /** Recommended weekly hours per tier and per client; a tier without clients gives its share to the others. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Allocation allocation(String owner, double weeklyHours) {
        user.requireSelfOrReader(owner, "clients", Roles.AUDITOR, Roles.INTEGRATION);
        if (weeklyHours <= 0 || weeklyHours > 168) {
            throw new DomainException.InvalidValue("weeklyHours", "must be more than 0 and at most 168");
        }
        List<AnalysisRepository.TieredClient> clients = analysis.clientsOf(owner, MAX_CLIENTS);
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("KEY", config.analysis().keyShare());
        shares.put("ORDINARY", config.analysis().ordinaryShare());
        shares.put("PROSPECT", config.analysis().prospectShare());
        Map<String, Long> counts = new LinkedHashMap<>();
        shares.keySet().forEach(t -> counts.put(t, clients.stream().filter(c -> c.valueTier().equals(t)).count()));
        double used = shares.entrySet().stream().filter(e -> counts.get(e.getKey()) > 0).mapToDouble(Map.Entry::getValue).sum();
        Map<String, BigDecimal> perClient = new LinkedHashMap<>();
        List<TierAllocation> tiers = shares.entrySet().stream().map(e -> {
            long n = counts.get(e.getKey());
            double share = n == 0 || used == 0 ? 0 : e.getValue() / used;
            BigDecimal hours = BigDecimal.valueOf(weeklyHours * share).setScale(2, RoundingMode.HALF_UP);
            BigDecimal each = n == 0 ? BigDecimal.ZERO : hours.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
            perClient.put(e.getKey(), each);
            return new TierAllocation(e.getKey(), Math.round(share * 10_000) / 10_000.0, hours, (int) n, each);
        }).toList();
        return new Allocation(owner, BigDecimal.valueOf(weeklyHours), tiers,
                clients.stream().map(c -> new ClientHours(c, perClient.get(c.valueTier()))).toList());
    }

    /** The best (or worst) clients by revenue of the ABC window minus cost to serve, overall or of one owner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnalysisRepository.ClientValue> byNetValue(String owner, boolean best, int n) {
        user.requireSelfOrReader(owner, "clients (give owner)", Roles.AUDITOR, Roles.INTEGRATION);
        SegmentationConfig.Analysis a = config.analysis();
        Instant since = clock.instant().atZone(ZoneOffset.UTC).minusMonths(config.abc().windowMonths()).toInstant();
        return analysis.byNetValue(owner, new AnalysisRepository.Weights(config.reportingCurrency(), since,
                a.costPerContact(), a.costPerComplaint(), a.overdueCostShare()), best, n);
    }

    /** retentionRate: share of the clients active at the month's start not lost in it. */
    public record RetentionMonth(LocalDate month, long activeAtStart, long gained, long lost, BigDecimal retentionRate,
                                 BigDecimal revenue, BigDecimal revenueFromExisting, BigDecimal existingShare) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RetentionMonth> retention(int months) {
        if (months < 1 || months > 60) {
            throw new DomainException.InvalidValue("months", "must be between 1 and 60");
        }
        Instant now = clock.instant();
        LocalDate thisMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        return analysis.retention(config.reportingCurrency(), thisMonth.minusMonths(months - 1L), thisMonth,
                config.analysis().lapsedAfterDays(), now).stream().map(m -> new RetentionMonth(m.month(), m.activeAtStart(),
                m.gained(), m.lost(), rate(m.activeAtStart() - m.lost(), m.activeAtStart()), m.revenue(),
                m.revenueFromExisting(), m.revenue().signum() == 0 ? null
                : m.revenueFromExisting().divide(m.revenue(), 4, RoundingMode.HALF_UP))).toList();
    }

    /**
     * Existing clients with no order for the lapse period (or {@code days}), longest lapsed first; {@code limit + 1}
     * rows after the cursor.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnalysisRepository.Lapsed> lapsed(String owner, Integer days, AnalysisRepository.Lapsed after, int limit) {
        user.requireSelfOrReader(owner, "clients (give owner)", Roles.AUDITOR, Roles.INTEGRATION);
        int period = days == null ? config.analysis().lapsedAfterDays() : days;
        if (period < 1 || period > 3650) {
            throw new DomainException.InvalidValue("days", "must be between 1 and 3650");
        }
        Instant now = clock.instant();
        return analysis.lapsed(owner, now.minus(Duration.ofDays(period)), now,
                after == null ? null : after.lastOrderAt(), after == null ? null : after.clientId(), limit + 1);
    }

    /** A prospect with its revisit bucket (days) and a keep / pause / drop suggestion. */
    public record Prospect(AnalysisRepository.ProspectRow client, int revisitDays, Instant revisitDue, String suggestion) {
    }

    public record Pipeline(String owner, long activeProspects, int target, boolean belowTarget, List<Prospect> prospects) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pipeline pipeline(String owner) {
        user.requireSelfOrReader(owner, "clients", Roles.AUDITOR, Roles.INTEGRATION);
        Instant now = clock.instant();
        List<Prospect> prospects = analysis.prospects(owner, MAX_CLIENTS).stream().map(p -> {
            int days = revisitDays(p.lastOutcome());
            Instant due = p.lastContactAt() == null ? now : p.lastContactAt().plus(days, ChronoUnit.DAYS);
            return new Prospect(p, days, due, suggestion(p.contacts(), p.lastOutcome()));
        }).toList();
        long active = analysis.activeProspects(owner, now.minus(Duration.ofDays(90)));
        int target = config.analysis().pipelineTarget();
        return new Pipeline(owner, active, target, active < target, prospects);
    }

    /**
     * The revisit intervals (docs/domain.md, "Segments and analyses") by how the last contact went: 20, 40, 60 or 80
     * days.
     */
    static int revisitDays(String outcome) {
        if (outcome == null) {
            return 80;
        }
        return switch (outcome) {
            case "POSITIVE" -> 20;
            case "NEUTRAL" -> 40;
            case "NEGATIVE" -> 60;
            default -> 80;
        };
    }

    /** KEEP while contacts go well or are few; PAUSE after a negative or unanswered one; DROP after 8 without interest. */
    static String suggestion(long contacts, String outcome) {
        boolean cold = "NEGATIVE".equals(outcome) || "NO_RESPONSE".equals(outcome);
        if (cold && contacts >= 8) {
            return "DROP";
        }
        return cold ? "PAUSE" : "KEEP";
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
