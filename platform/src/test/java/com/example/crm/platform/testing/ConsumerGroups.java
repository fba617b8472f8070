package com.example.crm.platform.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a service's consumer group holds every partition of a topic, so that a test may publish and
 * know the service reads it (services under test start at the topic's end, not at its history).
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    public static void awaitAssigned(String bootstrapServers, String groupId, String topic, Duration timeout) {
        TopicReader.ensureTopic(bootstrapServers, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            org.awaitility.Awaitility.await("consumer group " + groupId + " holds every partition of " + topic)
                    .atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> assigned(admin, groupId, topic) >= partitions);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long assigned(Admin admin, String groupId, String topic) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                .get(10, TimeUnit.SECONDS).get(groupId);
        return group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic)).count();
    }
}
