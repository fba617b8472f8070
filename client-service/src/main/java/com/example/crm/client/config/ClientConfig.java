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

    /** Largest serialized size of a card's custom attributes, in bytes. */
    @WithDefault("8192")
    int maxCustomAttributesBytes();
}
