package com.example.crm.interaction.domain;

import com.example.crm.platform.time.BusinessCalendar;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The recurring checks: instalments past due become OVERDUE (payment-overdue), plans past their day become MISSED
 * (visit-missed). Both are idempotent and lock what they change, so running them hourly, on demand and on several
 * replicas at once announces each change once.
 */
@ApplicationScoped
public class RecurringChecks {

    private final ReceivableService receivables;
    private final VisitPlanService visitPlans;
    private final BusinessCalendar calendar;

    public RecurringChecks(ReceivableService receivables, VisitPlanService visitPlans, BusinessCalendar calendar) {
        this.receivables = receivables;
        this.visitPlans = visitPlans;
        this.calendar = calendar;
    }

    @Scheduled(identity = "overdue-check", cron = "{interaction.receivables.overdue-check-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void overdueCheck() {
        runOverdueCheck();
    }

    /** Flags what is past due today; the number of instalments that became overdue. */
    public int runOverdueCheck() {
        return receivables.flagOverdue(calendar.today());
    }

    @Scheduled(identity = "missed-check", cron = "{interaction.visits.missed-check-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void missedCheck() {
        runMissedCheck();
    }

    /** Marks plans of past days MISSED; how many were. */
    public int runMissedCheck() {
        return visitPlans.markMissed(calendar.today());
    }
}
