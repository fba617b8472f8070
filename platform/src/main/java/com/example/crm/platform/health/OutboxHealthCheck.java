package com.example.crm.platform.health;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.outbox.OutboxBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Readiness: DOWN when events wait in the outbox longer than {@code crm.outbox.max-lag} (broker gone). */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxBacklog backlog;
    private final PlatformConfig config;

    public OutboxHealthCheck(OutboxBacklog backlog, PlatformConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("outbox");
        try {
            OutboxBacklog.Snapshot snapshot = backlog.snapshot();
            Duration maxLag = config.outbox().maxLag();
            return builder.status(snapshot.oldestAge().compareTo(maxLag) <= 0)
                    .withData("pending", snapshot.pending())
                    .withData("oldestPendingSeconds", snapshot.oldestAge().toSeconds())
                    .withData("maxLagSeconds", maxLag.toSeconds())
                    .build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
