package com.example.crm.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** segmentation-service settings; each is overridable by an environment variable (SEGMENTATION_ABC_A_SHARE, ...). */
@ConfigMapping(prefix = "segmentation")
public interface SegmentationConfig {

    /** Topic of the segment events. */
    @WithDefault("crm.segment.v1")
    String topic();

    /** Revenue counts in this currency (orders in others are left out of ABC and RFM, never converted). */
    @WithDefault("CNY")
    String reportingCurrency();

    Abc abc();

    Runs runs();

    Analysis analysis();

    /** The time split, cost to serve, pipeline and lapse of docs/domain.md, "Segments and analyses". */
    interface Analysis {
        /**
         * Shares of a rep's time for KEY, ORDINARY and PROSPECT clients (docs/domain.md, "Segments and analyses":
         * 60/30/10).
         */
        @WithDefault("0.6")
        double keyShare();

        @WithDefault("0.3")
        double ordinaryShare();

        @WithDefault("0.1")
        double prospectShare();

        /** Cost to serve, in the reporting currency: per contact logged ... */
        @WithDefault("100")
        double costPerContact();

        /** ... per complaint ... */
        @WithDefault("500")
        double costPerComplaint();

        /** ... and this share of overdue receivables (financing and risk); compensation counts at face value. */
        @WithDefault("0.1")
        double overdueCostShare();

        /** An existing client with no order for this many days has lapsed (lost, for retention). */
        @WithDefault("180")
        int lapsedAfterDays();

        /** Active prospects a rep should keep in the pipeline (docs/domain.md, "Segments and analyses"). */
        @WithDefault("100")
        int pipelineTarget();
    }

    interface Abc {
        /** The trailing window of revenue. */
        @WithDefault("12")
        int windowMonths();

        /** Class A while the cumulative revenue share is at most this (the largest client is always A). */
        @WithDefault("0.80")
        double aShare();

        /** Class B while the cumulative share is at most this; C for the rest and for clients without revenue. */
        @WithDefault("0.95")
        double bShare();
    }

    interface Runs {
        /** When the nightly run starts (cron, server time). */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** PostgreSQL work_mem of the run's transaction (its sorts and aggregates over every client). */
        @WithDefault("256MB")
        String workMem();

        /** Changed classifications read and announced at a time (a first run may change every client). */
        @WithDefault("5000")
        int announcePageSize();
    }
}
