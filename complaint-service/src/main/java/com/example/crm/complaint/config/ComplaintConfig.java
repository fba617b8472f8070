package com.example.crm.complaint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * complaint-service settings; each is overridable by an environment variable (COMPLAINT_SLA_RESOLUTION_HIGH=12h,
 * COMPLAINT_SLA_BUSINESS_HOURS_ENABLED=true, ...). The SLA targets per severity are in application.properties.
 */
@ConfigMapping(prefix = "complaint")
public interface ComplaintConfig {

    /** Topic of the complaint events. */
    @WithDefault("crm.complaint.v1")
    String topic();

    Sla sla();

    Survey survey();

    Escalation escalation();

    Reports reports();

    interface Sla {
        /**
         * How far before now a complaint's {@code receivedAt} (where its clocks start) may lie at intake: an older one
         * would open with its clocks long breached and escalations due at once (a takeover of old complaints raises it
         * for its run).
         */
        @WithDefault("P30D")
        Duration maxBackdating();

        /** Time to the first response (acknowledgement), per severity (low, medium, high, critical). */
        Map<String, Duration> firstResponse();

        /** Time to resolution, per severity. */
        Map<String, Duration> resolution();

        /** Targets of clients in value tier KEY or ABC class A are multiplied by this (stricter). */
        @WithDefault("0.5")
        double keyClientFactor();

        /** A clock warns (escalation to SUPERVISOR) at this share of its target; breach at 100%. */
        @WithDefault("0.8")
        double warningAt();

        BusinessHours businessHours();
    }

    /** Business hours: SLA time runs only on working days between start and end (business time zone). */
    interface BusinessHours {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        @WithDefault("09:00")
        LocalTime start();

        @WithDefault("18:00")
        LocalTime end();

        /** Public holidays (yyyy-MM-dd), not working days even on a weekday. */
        Optional<List<LocalDate>> holidays();
    }

    interface Escalation {
        /** How often the escalation scan runs. */
        @WithDefault("1m")
        Duration scanEvery();
    }

    interface Survey {
        /** An answer with this score or lower reopens the complaint and escalates it one level. */
        @WithDefault("2")
        int reopenAtOrBelow();
    }

    interface Reports {
        /** Repeat complainers: at least this many complaints ... */
        @WithDefault("3")
        int repeatComplaints();

        /** ... within this many days. */
        @WithDefault("90")
        int repeatWindowDays();
    }
}
