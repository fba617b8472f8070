package com.example.crm.complaint.handling.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two SLA clocks of a complaint: first response (until acknowledged) and resolution (until resolved; paused
 * while waiting on the customer; restarted on reopening). Each clock crosses three thresholds: the warning share of
 * its target (stage 1), the target (stage 2, a breach) and one further target (stage 3). The escalation level is
 * the highest stage any clock reached, and only rises.
 */
@ApplicationScoped
public class SlaClocks {

    public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    public static final String RESOLUTION = "RESOLUTION";

    private final SlaPolicy policy;

    public SlaClocks(SlaPolicy policy) {
        this.policy = policy;
    }

    /** A threshold a clock crossed: stage 1 warning, 2 breach, 3 a further interval. */
    public record Step(String clock, int stage, Instant at) {
        public boolean isBreach() {
            return stage == 2;
        }

        public String reason() {
            return clock + (stage == 1 ? "_WARNING" : stage == 2 ? "_BREACH" : "_OVERDUE");
        }
    }

    /** Sets the targets (at intake, on a severity or tier change) and recomputes due times. */
    public void retarget(Complaint c, SlaPolicy.Targets targets) {
        c.slaPolicy = targets.policy();
        c.firstResponseTargetSeconds = targets.firstResponse().toSeconds();
        c.resolutionTargetSeconds = targets.resolution().toSeconds();
        refresh(c);
    }

    /** Recomputes due times and the next instant a clock crosses a threshold. */
    public void refresh(Complaint c) {
        SlaCalendar calendar = policy.calendar();
        c.firstResponseDueAt = calendar.plus(c.receivedAt, Duration.ofSeconds(c.firstResponseTargetSeconds));
        c.resolutionDueAt = calendar.plus(c.resolutionClockStart,
                Duration.ofSeconds(c.resolutionTargetSeconds + c.resolutionPausedSeconds));
        Instant next = null;
        if (c.firstResponseClockRuns() && c.firstResponseStage < 3) {
            next = threshold(c, FIRST_RESPONSE, c.firstResponseStage + 1);
        }
        if (c.resolutionClockRuns() && c.resolutionStage < 3) {
            Instant resolution = threshold(c, RESOLUTION, c.resolutionStage + 1);
            next = next == null || resolution.isBefore(next) ? resolution : next;
        }
        c.nextEscalationAt = next;
    }

    /**
     * Moves the clocks to {@code now}: the thresholds crossed since the last look, in order. The caller raises the
     * escalation level step by step ({@link EscalationLevel#ofStage}).
     */
    public List<Step> advance(Complaint c, Instant now) {
        List<Step> steps = new ArrayList<>();
        while (c.firstResponseClockRuns() && c.firstResponseStage < 3) {
            Instant at = threshold(c, FIRST_RESPONSE, c.firstResponseStage + 1);
            if (at.isAfter(now)) {
                break;
            }
            c.firstResponseStage++;
            c.firstResponseBreached |= c.firstResponseStage >= 2;
            steps.add(new Step(FIRST_RESPONSE, c.firstResponseStage, at));
        }
        while (c.resolutionClockRuns() && c.resolutionStage < 3) {
            Instant at = threshold(c, RESOLUTION, c.resolutionStage + 1);
            if (at.isAfter(now)) {
                break;
            }
            c.resolutionStage++;
            c.resolutionBreached |= c.resolutionStage >= 2;
            steps.add(new Step(RESOLUTION, c.resolutionStage, at));
        }
        steps.sort(java.util.Comparator.comparing(Step::at));
        refresh(c);
        return steps;
    }

    /** Waiting on the customer: the resolution clock stops. */
    public void pause(Complaint c, Instant at) {
        c.waitingOnCustomer = true;
        c.waitingSince = at;
        refresh(c);
    }

    /** The customer answered: the resolution clock runs again, its due time moved by the SLA time paused. */
    public void resume(Complaint c, Instant at) {
        c.resolutionPausedSeconds += policy.calendar().between(c.waitingSince, at).toSeconds();
        c.waitingOnCustomer = false;
        c.waitingSince = null;
        refresh(c);
    }

    /** Reopening starts a new resolution clock; the escalation level stays. */
    public void restartResolution(Complaint c, Instant at) {
        c.resolutionClockStart = at;
        c.resolutionPausedSeconds = 0;
        c.resolutionStage = 0;
        refresh(c);
    }

    /** Whether the clock was already past its target at {@code at} (a late acknowledgement or resolution). */
    public boolean pastDue(Complaint c, String clock, Instant at) {
        return at.isAfter(clock.equals(FIRST_RESPONSE) ? c.firstResponseDueAt : c.resolutionDueAt);
    }

    private Instant threshold(Complaint c, String clock, int stage) {
        double share = stage == 1 ? policy.warningAt() : stage == 2 ? 1.0 : 2.0;
        SlaCalendar calendar = policy.calendar();
        if (clock.equals(FIRST_RESPONSE)) {
            return calendar.plus(c.receivedAt, Duration.ofSeconds(Math.round(c.firstResponseTargetSeconds * share)));
        }
        return calendar.plus(c.resolutionClockStart,
                Duration.ofSeconds(Math.round(c.resolutionTargetSeconds * share) + c.resolutionPausedSeconds));
    }
}
