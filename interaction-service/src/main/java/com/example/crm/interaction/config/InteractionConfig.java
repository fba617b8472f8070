package com.example.crm.interaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * interaction-service settings; each is overridable by an environment variable
 * (INTERACTION_TOPIC, INTERACTION_RECEIVABLES_PAYMENT_TERMS_DAYS, ...).
 */
@ConfigMapping(prefix = "interaction")
public interface InteractionConfig {

    /** Topic of the interaction events. */
    @WithDefault("crm.interaction.v1")
    String topic();

    Receivables receivables();

    Visits visits();

    interface Receivables {
        /** An order placed without a plan owes its total in one instalment due this many days after the order day. */
        @WithDefault("30")
        int paymentTermsDays();

        /** Reminder days of that default instalment. */
        @WithDefault("3")
        int reminderDays();

        /** When the overdue check runs (Quartz-style cron, server time); it is idempotent, so hourly is fine. */
        @WithDefault("0 5 * * * ?")
        String overdueCheckCron();
    }

    interface Visits {
        /** When plans past their day are marked MISSED (cron); idempotent like the overdue check. */
        @WithDefault("0 10 * * * ?")
        String missedCheckCron();

        /**
         * A prospect (potential or intended client) is developed with at least this many visits (docs/domain.md,
         * "Visits and cadences").
         */
        @WithDefault("5")
        int prospectVisitTarget();

        /** Cadence segmentation gives a KEY-tier client unless a user set one by hand. */
        @WithDefault("7")
        int keyTierIntervalDays();
    }
}
