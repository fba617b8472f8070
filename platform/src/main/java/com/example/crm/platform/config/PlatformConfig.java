package com.example.crm.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Settings every service shares; each is overridable by an environment variable (CRM_OUTBOX_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "crm")
public interface PlatformConfig {

    /** CloudEvents {@code source} of the events this service emits, e.g. {@code /crm/client-service}. */
    String eventSource();

    /** The PostgreSQL schema this service owns (outbox, inbox and idempotency tables live there too). */
    String schema();

    /**
     * The business time zone: calendar dates (due dates, planned visits, months of revenue, "today") are days
     * in this zone; instants are stored and published in UTC.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Outbox outbox();

    Idempotency idempotency();

    Http http();

    Security security();

    Health health();

    Scope scope();

    /**
     * The data scope of each role (SELF, DEPARTMENT, DEPARTMENT_AND_BELOW, ALL): whose clients, and everything
     * derived from them, a caller with that role reads. A caller with several roles gets the widest; a user who
     * manages their department sees it and everything below it whatever their role (docs/domain.md, "Data scope").
     */
    interface Scope {
        @WithDefault("SELF")
        com.example.crm.platform.scope.DataScope sales();

        @WithDefault("DEPARTMENT_AND_BELOW")
        com.example.crm.platform.scope.DataScope manager();

        @WithDefault("ALL")
        com.example.crm.platform.scope.DataScope admin();

        @WithDefault("ALL")
        com.example.crm.platform.scope.DataScope auditor();

        @WithDefault("ALL")
        com.example.crm.platform.scope.DataScope integration();

        /** Complaint handlers work on complaints of any client, so they read every client by default. */
        @WithDefault("ALL")
        com.example.crm.platform.scope.DataScope service();
    }

    interface Health {
        /** How long the readiness check waits for the Kafka broker to describe its cluster before saying DOWN. */
        @WithDefault("2s")
        Duration kafkaTimeout();
    }

    interface Security {
        /** The token claim naming the caller's department (pool membership, department ownership caps). */
        @WithDefault("dept")
        String departmentClaim();
    }

    interface Outbox {
        /** Whether this instance runs the relay that publishes outbox rows to Kafka. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows published per relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** Longest wait for a NOTIFY before the relay polls anyway (fallback when a notification is missed). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Back-off after a failed publish (broker down), doubled up to ten times this value. */
        @WithDefault("500ms")
        Duration retryBackoff();

        /** Readiness reports DOWN when the oldest unpublished event is older than this. */
        @WithDefault("5m")
        Duration maxLag();
    }

    interface Idempotency {
        /** How long an Idempotency-Key and its first response are kept. */
        @WithDefault("24h")
        Duration retention();
    }

    interface Http {
        /** Largest JSON body accepted; larger ones get 413 problem+json. */
        @WithDefault("1048576")
        long maxJsonBodyBytes();
    }
}
