package com.example.crm.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings for a Kafka client the platform creates itself (the outbox relay's producer, the readiness check's
 * admin client): the application's {@code kafka.*} configuration, as Quarkus exposes it under the
 * {@code default-kafka-broker} identifier, narrowed to what that kind of client understands (bootstrap servers and
 * security settings), plus the client's own settings.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /**
     * @param kafkaConfig the {@code default-kafka-broker} map
     * @param configNames the client's config names ({@code ProducerConfig.configNames()}, ...)
     * @param own         the client's own settings, which win
     */
    public static Map<String, Object> of(Map<String, Object> kafkaConfig, Set<String> configNames, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.keySet().retainAll(configNames);
        settings.putAll(own);
        return settings;
    }
}
