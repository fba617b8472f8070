package com.example.crm.interaction.orders.application;

import com.example.crm.platform.time.BusinessCalendar;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The recurring overdue check: instalments past due become OVERDUE (payment-overdue). Idempotent, and it locks what
 * it changes, so running it hourly, on demand and on several replicas at once announces each change once.
 */
@ApplicationScoped
public class OverdueCheck {

    private final ReceivableService receivables;
    private final BusinessCalendar calendar;

    public OverdueCheck(ReceivableService receivables, BusinessCalendar calendar) {
        this.receivables = receivables;
        this.calendar = calendar;
    }

    @Scheduled(identity = "overdue-check", cron = "{interaction.receivables.overdue-check-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Flags what is past due today; the number of instalments that became overdue. */
    public int run() {
        return receivables.flagOverdue(calendar.today());
    }
}
