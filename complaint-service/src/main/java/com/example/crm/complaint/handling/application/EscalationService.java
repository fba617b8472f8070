package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.EscalationLevel;
import com.example.crm.complaint.handling.domain.SlaClocks;
import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Automatic escalation (docs/domain.md, "Complaint handling"): every minute, complaints whose next SLA threshold passed move up the ladder,
 * each step recorded in their history and announced (escalated; sla-breached at a breach). Rows are locked with
 * SKIP LOCKED and each clock's stage only rises, so several replicas and re-runs escalate each step once.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    private static final int BATCH = 200;

    private final ComplaintRepository complaints;
    private final SlaClocks clocks;
    private final ComplaintHistory history;
    private final ComplaintEvents events;
    private final Clock clock;

    public EscalationService(ComplaintRepository complaints, SlaClocks clocks, ComplaintHistory history,
                             ComplaintEvents events, Clock clock) {
        this.complaints = complaints;
        this.clocks = clocks;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(identity = "escalation-scan", every = "{complaint.escalation.scan-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scan();
    }

    /** Escalates what is due now; the number of steps taken. */
    public int scan() {
        Instant now = clock.instant();
        int steps = 0;
        int batch;
        do {
            int[] counts = QuarkusTransaction.requiringNew().call(() -> {
                List<Complaint> due = complaints.lockDueForEscalation(now, BATCH);
                int taken = 0;
                for (Complaint c : due) {
                    taken += escalate(c, now);
                }
                return new int[]{due.size(), taken};
            });
            batch = counts[0];
            steps += counts[1];
        } while (batch == BATCH);
        if (steps > 0) {
            LOG.infof("%d escalation steps at %s", steps, now);
        }
        return steps;
    }

    private int escalate(Complaint c, Instant now) {
        List<SlaClocks.Step> steps = clocks.advance(c, now);
        for (SlaClocks.Step step : steps) {
            c.escalationLevel = c.escalationLevel.atLeast(EscalationLevel.ofStage(step.stage()));
            history.record(c, step.at(), "sla", "ESCALATED", c.status, "level", c.escalationLevel,
                    "reason", step.reason());
            events.escalated(c, step.at(), step.reason());
            if (step.isBreach()) {
                history.record(c, step.at(), "sla", "SLA_BREACHED", c.status, "clock", step.clock());
                events.slaBreached(c, step.at(), step.clock(),
                        step.clock().equals(SlaClocks.FIRST_RESPONSE) ? c.firstResponseDueAt : c.resolutionDueAt);
            }
        }
        return steps.size();
    }
}
