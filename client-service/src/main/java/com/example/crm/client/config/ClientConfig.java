package com.example.crm.client.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** client-service settings; each is overridable by an environment variable (CLIENT_TOPIC, ...). */
@ConfigMapping(prefix = "client")
public interface ClientConfig {

    /** Topic of the client events. */
    @WithDefault("crm.client.v1")
    String topic();

    /** A card must be re-verified this many months after its last verification. */
    @WithDefault("12")
    int reviewIntervalMonths();

    /** Trigram similarity of normalised names (0-1) from which a new card is reported as a possible duplicate. */
    @WithDefault("0.5")
    double duplicateNameSimilarity();

    Ownership ownership();

    interface Ownership {
        /**
         * When the recall job runs (Quarkus cron, default hourly at minute 5); {@code off} disables the schedule
         * (the job still runs on demand, POST /api/v1/pools/recall-runs).
         */
        @WithDefault("0 5 * * * ?")
        String recallCron();

        /** Clients recalled per transaction of a recall run. */
        @WithDefault("500")
        int recallPageSize();

        /**
         * Seconds in a pool day (recall rules and warnings count these days): 86400, overridden only for local
         * end-to-end runs; the database reads it per connection.
         */
        @WithDefault("86400")
        int daySeconds();

        /** Locked clients an owner may hold when no cap of theirs or their department says otherwise. */
        @WithDefault("20")
        int defaultLockCap();
    }

    /** Largest serialized size of a card's custom attributes, in bytes. */
    @WithDefault("8192")
    int maxCustomAttributesBytes();
}
