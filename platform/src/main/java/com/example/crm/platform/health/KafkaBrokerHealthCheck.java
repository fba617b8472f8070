package com.example.crm.platform.health;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.events.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Readiness: DOWN when the Kafka broker does not describe its cluster within {@code crm.health.kafka-timeout}.
 * Replaces Quarkus' own Kafka check ({@code quarkus.kafka.health.enabled=false}), which waits the admin client's
 * 60 s default API timeout when the broker is gone, longer than any readiness probe waits for an answer.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealthCheck implements HealthCheck {

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private volatile Admin admin;

    public KafkaBrokerHealthCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                                  PlatformConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = config.health().kafkaTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("kafka-broker");
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return builder.up().withData("nodes", nodes.stream().map(n -> n.host() + ":" + n.port())
                    .collect(Collectors.joining(","))).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return builder.down().withData("reason", String.valueOf(e.getCause() != null ? e.getCause() : e)).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(KafkaClientSettings.of(kafkaConfig, AdminClientConfig.configNames(), Map.of(
                            AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis())));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
