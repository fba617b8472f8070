package com.example.crm.platform.health;

import com.example.crm.platform.testing.KafkaBrokerProcess;
import com.example.crm.platform.testing.TestPlatformConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The readiness check against a real broker process that stops and starts again: a probe gets its answer within
 * the check's bounded wait (not the admin client's 60 s default), and the same check reports UP again once the
 * broker is back, so a pod becomes ready again without a restart.
 */
class KafkaBrokerHealthCheckTest {

    /** Far below the admin client's 60 s default; generous for a 2-core machine under load. */
    private static final Duration PROBE_BUDGET = Duration.ofSeconds(15);

    @Test
    void answers_down_within_its_bounded_wait_while_the_broker_is_gone_and_up_again_after_without_a_restart() throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(19196)) {
            broker.start();
            KafkaBrokerHealthCheck check = new KafkaBrokerHealthCheck(Map.of("bootstrap.servers", broker.bootstrapServers()),
                    TestPlatformConfig.with("crm.health.kafka-timeout", "1s"));
            try {
                // a broker that has just started may take longer than the check's 1 s to describe its cluster
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    HealthCheckResponse up = check.call();
                    assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
                    assertThat(up.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("nodes", broker.bootstrapServers()));
                });

                broker.stop();
                Instant asked = Instant.now();
                HealthCheckResponse down = check.call();
                assertThat(Duration.between(asked, Instant.now())).as("time to answer with the broker gone").isLessThan(PROBE_BUDGET);
                assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(down.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("reason"));

                broker.start();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> check.call().getStatus() == HealthCheckResponse.Status.UP);
            } finally {
                check.close();
            }
        }
    }

    @Test
    void answers_down_within_its_bounded_wait_when_no_broker_was_ever_reachable() {
        KafkaBrokerHealthCheck check = new KafkaBrokerHealthCheck(Map.of("bootstrap.servers", "127.0.0.1:19198"),
                TestPlatformConfig.with("crm.health.kafka-timeout", "1s"));
        try {
            Instant asked = Instant.now();
            HealthCheckResponse response = check.call();
            assertThat(Duration.between(asked, Instant.now())).as("time to answer").isLessThan(PROBE_BUDGET);
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        } finally {
            check.close();
        }
    }
}
