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
    }
}
