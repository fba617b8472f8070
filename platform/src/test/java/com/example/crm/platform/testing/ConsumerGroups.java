package com.example.crm.platform.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a service's consumer group holds every partition of a topic, so that a test may publish and
 * know the service reads it (services under test start at the topic's end, not at its history), or until it has
 * processed everything published so far.
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

    /** The end offset of every partition of {@code topics} now: what a later {@link #awaitCaughtUp} counts from. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return endOffsets(admin, topics);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the consumer group has processed every record published to the partitions of {@code since} after
     * it was taken ({@link #endOffsets}): on each partition whose end moved past it, the group's committed offset
     * reached the end (a consumer commits after its transaction). Partitions nothing was published to since do not
     * count: a group that joined at the topic's end has never committed on them.
     */
    public static void awaitCaughtUp(String bootstrapServers, String groupId, Map<TopicPartition, Long> since,
                                     Duration timeout) {
        List<String> topics = since.keySet().stream().map(TopicPartition::topic).distinct().toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topics);
            org.awaitility.Awaitility.await("consumer group " + groupId + " committed what was published to " + topics)
                    .atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                        return ends.entrySet().stream()
                                .filter(e -> e.getValue() > since.getOrDefault(e.getKey(), 0L))
                                .allMatch(e -> committed.get(e.getKey()) != null
                                        && committed.get(e.getKey()).offset() >= e.getValue());
                    });
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
            throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static long assigned(Admin admin, String groupId, String topic) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                .get(10, TimeUnit.SECONDS).get(groupId);
        return group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic)).count();
    }
}
