package com.example.crm.platform.testing;

import javax.sql.DataSource;

/** The outbox's dead letters of a service's schema, for tests of what erasure leaves behind. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Writes a dead-lettered event of {@code clientId}, as the relay keeps one the broker could never take. */
    public static void seed(DataSource db, String topic, String clientId, String eventType, String payloadJson) {
        Sql.update(db, """
                insert into outbox_dead_letter (seq, event_id, topic, record_key, event_type, payload, created_at, reason)
                values ((select coalesce(min(seq), 0) - 1 from outbox_dead_letter), gen_random_uuid(), ?, ?, ?, ?::jsonb,
                        now(), 'org.apache.kafka.common.errors.RecordTooLargeException')""",
                topic, clientId, eventType, payloadJson);
    }

    /** How many dead-lettered events of {@code clientId} the schema holds. */
    public static long of(DataSource db, String clientId) {
        return Sql.count(db, "select count(*) from outbox_dead_letter where record_key = ?", clientId);
    }
}
