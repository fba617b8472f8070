package com.example.crm.client.ownership.application;

import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.ownership.domain.ScheduledRecall;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Automatic recall (自动回收), hourly and on demand: clients whose recall rule is due go back to their pool, and
 * owners are warned once per client and due date when a recall is near. Safe with several replicas and runs at once:
 * the due clients are found in one scan of the schedule, then recalled page by page with their rows locked
 * ({@code SKIP LOCKED}: what another run holds is its to recall) and re-read after the lock (what another run recalled
 * meanwhile is no longer due); warnings are recorded with a conditional upsert that only one run can win.
 */
@ApplicationScoped
public class RecallJob {

    private static final Logger LOG = Logger.getLogger(RecallJob.class);

    /** What one run did. */
    public record Run(Instant at, int due, int recalled, int warned, long tookMs) {
    }

    private final OwnershipQueries queries;
    private final OwnershipService ownership;
    private final OwnershipEvents events;
    private final ClientConfig config;
    private final Clock clock;

    public RecallJob(OwnershipQueries queries, OwnershipService ownership, OwnershipEvents events, ClientConfig config,
                     Clock clock) {
        this.queries = queries;
        this.ownership = ownership;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent started) {
        int seconds = config.ownership().daySeconds();
        if (seconds != 86_400) {
            LOG.warnf("a pool day lasts %d seconds here (client.ownership.day-seconds): recall rules and warnings count "
                    + "compressed days; this is for end-to-end runs only", seconds);
        }
    }

    @Scheduled(identity = "pool-recall", cron = "{client.ownership.recall-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    public Run run() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<ScheduledRecall> scheduled = QuarkusTransaction.requiringNew().call(() -> queries.dueOrNear(now));
        List<UUID> due = scheduled.stream().filter(s -> !s.dueAt.isAfter(now)).map(s -> s.clientId).toList();
        List<ScheduledRecall> near = scheduled.stream().filter(s -> s.dueAt.isAfter(now)).toList();
        int pageSize = config.ownership().recallPageSize();
        int recalled = 0;
        for (int from = 0; from < due.size(); from += pageSize) {
            List<UUID> page = due.subList(from, Math.min(due.size(), from + pageSize));
            recalled += QuarkusTransaction.requiringNew().call(() -> {
                List<ScheduledRecall> locked = queries.lockDue(page, now);
                ownership.recall(locked);
                return locked.size();
            });
        }
        int warned = 0;
        for (int from = 0; from < near.size(); from += pageSize) {
            List<ScheduledRecall> page = near.subList(from, Math.min(near.size(), from + pageSize));
            warned += QuarkusTransaction.requiringNew().call(() -> {
                int sent = 0;
                for (ScheduledRecall recall : page) {
                    if (queries.recordWarning(recall, now)) {
                        events.recallWarning(recall, now);
                        sent++;
                    }
                }
                return sent;
            });
        }
        Run run = new Run(now, due.size(), recalled, warned, (System.nanoTime() - started) / 1_000_000);
        if (recalled > 0 || warned > 0) {
            LOG.infof("recall run at %s: %d due, %d recalled, %d warned in %d ms", now, run.due(), recalled, warned,
                    run.tookMs());
        }
        return run;
    }
}
