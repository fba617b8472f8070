package com.example.crm.platform.inbox;

import com.example.crm.platform.events.MalformedEventException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the inbox retries in place (outages) and which it dead-letters (bad records). */
class TransientFailureTest {

    @Test
    void connection_loss_shutdown_and_serialization_conflicts_are_retried() {
        assertThat(Inbox.isTransient(new PersistenceException(new SQLException("gone", "08006")))).isTrue();
        assertThat(Inbox.isTransient(new RuntimeException(new SQLException("admin shutdown", "57P01")))).isTrue();
        assertThat(Inbox.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(Inbox.isTransient(new SQLException("Acquisition timeout"))).isTrue();
    }

    @Test
    void bad_records_and_rejected_effects_are_dead_lettered() {
        assertThat(Inbox.isTransient(new MalformedEventException("not JSON"))).isFalse();
        assertThat(Inbox.isTransient(new RuntimeException(new SQLException("value too long", "22001")))).isFalse();
        assertThat(Inbox.isTransient(new IllegalArgumentException("bad"))).isFalse();
        assertThat(Inbox.isTransient(new NullPointerException())).isFalse();
    }
}
