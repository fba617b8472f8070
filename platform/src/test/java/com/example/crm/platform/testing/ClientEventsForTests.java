package com.example.crm.platform.testing;

/**
 * Publishing events the way production does (through the broker, not through a service's database), for a service's
 * tests that make clients known; the events themselves come from the producers' contracts
 * ({@code ClientEventExamples}, {@code SegmentEventExamples}) or are written out by the test.
 */
public final class ClientEventsForTests {

    private ClientEventsForTests() {
    }

    /** A client-service event of {@code type} for {@code clientId}, with {@code data} (a JSON object). */
    public static String clientEvent(String eventId, String type, String clientId, String data) {
        return event("/crm/client-service", eventId, type, clientId, data);
    }

    /** An event of any service ({@code source}, e.g. /crm/interaction-service) about {@code clientId}. */
    public static String event(String source, String eventId, String type, String clientId, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(eventId, source, type, clientId, TestTime.now(), data);
    }

    public static void publish(String bootstrapServers, String topic, String key, String event) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(topic, key, event);
        }
    }

    /**
     * Publishes {@code event} and waits until {@code applied} holds, publishing the same event (same id: the
     * consumer's inbox applies it once) again every five seconds meanwhile. A consumer group that just got its
     * partitions may still be resolving where it starts (the test profile starts at the end of a topic), and an event
     * published in that moment is skipped; the repeat arrives after it.
     */
    public static void publishUntilApplied(String bootstrapServers, String topic, String key, String event,
                                           java.util.function.BooleanSupplier applied, java.time.Duration timeout) {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> next =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.MIN);
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
            if (applied.getAsBoolean()) {
                return true;
            }
            if (java.time.Instant.now().isAfter(next.get())) {
                publish(bootstrapServers, topic, key, event);
                next.set(java.time.Instant.now().plusSeconds(5));
            }
            return false;
        });
    }
}
