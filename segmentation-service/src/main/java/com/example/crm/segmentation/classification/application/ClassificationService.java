package com.example.crm.segmentation.classification.application;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.segmentation.classification.domain.Classification;
import com.example.crm.segmentation.classification.domain.ClassificationRun;
import com.example.crm.segmentation.classification.persistence.ClassificationQueries;
import com.example.crm.segmentation.classification.persistence.ClassificationRepository;
import com.example.crm.segmentation.classification.persistence.RunRepository;
import com.example.crm.segmentation.config.SegmentationConfig;
import com.example.crm.segmentation.segments.application.SegmentService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Classification runs: ABC, RFM, value tier and churn risk for every active client in set-based SQL, one run at a
 * time across replicas (a transaction-scoped advisory lock), nightly and on demand. Only clients whose class, tier
 * or risk level changed are announced ({@code crm.segment.client-classified.v1}), in the run's transaction.
 */
@ApplicationScoped
public class ClassificationService {

    private static final Logger LOG = Logger.getLogger(ClassificationService.class);

    private final ClassificationRepository runs;
    private final ClassificationQueries classifications;
    private final RunRepository history;
    private final ClassificationEvents events;
    private final SegmentService segments;
    private final SegmentationConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ClassificationService(ClassificationRepository runs, ClassificationQueries classifications,
                                 RunRepository history, ClassificationEvents events, SegmentService segments,
                                 SegmentationConfig config,
                                 ObjectMapper mapper, Clock clock) {
        this.runs = runs;
        this.classifications = classifications;
        this.history = history;
        this.events = events;
        this.segments = segments;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(identity = "classification-run", cron = "{segmentation.runs.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        try {
            run("SCHEDULE");
        } catch (DomainException e) {
            LOG.info("classification run skipped: " + e.getMessage());
        }
    }

    /** Runs the classification now; 409 when another run holds the lock. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ClassificationRun run(String trigger) {
        if (!runs.tryRunLock()) {
            throw new DomainException.Conflict("a classification run is in progress");
        }
        Instant started = clock.instant();
        ClassificationRun run = new ClassificationRun();
        run.id = UUID.randomUUID();
        run.trigger = trigger;
        run.startedAt = started;
        run.status = "RUNNING";
        Instant since = started.atZone(ZoneOffset.UTC).minusMonths(config.abc().windowMonths()).toInstant();
        long t0 = System.nanoTime();
        run.clients = runs.compute(new ClassificationRepository.Inputs(config.reportingCurrency(), since,
                config.abc().aShare(), config.abc().bShare(), started, config.runs().workMem()));
        long t1 = System.nanoTime();
        run.changed = 0;
        UUID after = null;
        int size = config.runs().announcePageSize();
        for (List<ClassificationRepository.Changed> page = runs.changed(null, size); !page.isEmpty();
             page = runs.changed(after, size)) {
            events.clientsClassified(page, run.id, started);
            run.changed += page.size();
            after = page.get(page.size() - 1).clientId();
        }
        long t2 = System.nanoTime();
        runs.store(run.id, started, config.reportingCurrency());
        long t3 = System.nanoTime();
        segments.evaluateAll();
        long t4 = System.nanoTime();
        LOG.infof("classification run %s: computed in %d ms, announced in %d ms, stored in %d ms, segments in %d ms",
                run.id, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        run.counts = parse(runs.counts());
        run.finishedAt = clock.instant();
        run.durationMs = Duration.between(started, run.finishedAt).toMillis();
        run.status = "FINISHED";
        history.persist(run);
        LOG.infof("classification run %s: %d clients, %d changed, %d ms", run.id, run.clients, run.changed, run.durationMs);
        return run;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassificationRun runById(UUID id) {
        return history.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("run", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClassificationRun> latestRuns(int limit) {
        return history.latest(limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Classification of(UUID clientId) {
        return classifications.findByIdOptional(clientId)
                .orElseThrow(() -> new DomainException.NotFound("classification of client", clientId)
                        .with("retryable", true));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Classification> list(ClassificationQueries.Filter filter, UUID after, int limit) {
        return classifications.page(filter, after, limit + 1);
    }

    private Map<String, Object> parse(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
