package com.example.crm.interaction.visits.application;

import com.example.crm.platform.time.BusinessCalendar;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The recurring missed-visit check: plans past their day become MISSED (visit-missed). Idempotent, and it locks what
 * it changes, so running it hourly, on demand and on several replicas at once announces each change once.
 */
@ApplicationScoped
public class MissedVisitCheck {

    private final VisitPlanService visitPlans;
    private final BusinessCalendar calendar;

    public MissedVisitCheck(VisitPlanService visitPlans, BusinessCalendar calendar) {
        this.visitPlans = visitPlans;
        this.calendar = calendar;
    }

    @Scheduled(identity = "missed-check", cron = "{interaction.visits.missed-check-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Marks plans of past days MISSED; how many were. */
    public int run() {
        return visitPlans.markMissed(calendar.today());
    }
}
