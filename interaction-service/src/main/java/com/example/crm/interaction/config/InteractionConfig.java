package com.example.crm.interaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** interaction-service settings; each is overridable by an environment variable (INTERACTION_TOPIC, ...). */
@ConfigMapping(prefix = "interaction")
public interface InteractionConfig {

    /** Topic of the interaction events. */
    @WithDefault("crm.interaction.v1")
    String topic();
}
