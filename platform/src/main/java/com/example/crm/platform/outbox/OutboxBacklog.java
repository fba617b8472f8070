package com.example.crm.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * How many events wait in the outbox and for how long; exported as metrics and used by readiness. One query
 * serves a whole scrape (both gauges) and the readiness check within the same second.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private static final long REUSE_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private volatile Snapshot last;
    private volatile long lastAt;

    public OutboxBacklog(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("crm.outbox.backlog", this, b -> b.snapshot().pending())
                .description("Events written but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("crm.outbox.oldest.age.seconds", this, b -> b.snapshot().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest unpublished event").register(registry);
    }

    public record Snapshot(long pending, Duration oldestAge) {
    }

    public Snapshot snapshot() {
        Snapshot cached = last;
        if (cached != null && System.nanoTime() - lastAt < REUSE_NANOS) {
            return cached;
        }
        Snapshot fresh = query();
        lastAt = System.nanoTime();
        last = fresh;
        return fresh;
    }

    private Snapshot query() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*), min(created_at) from outbox")) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Snapshot(rs.getLong(1),
                    oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox backlog: " + e.getMessage(), e);
        }
    }
}
