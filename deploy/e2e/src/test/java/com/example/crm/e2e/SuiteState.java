package com.example.crm.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * What the suite holds: the row count of every table of every service's schema and the end offset of every
 * partition of every topic. Two equal states mean no write happened in between, in any service.
 */
record SuiteState(Map<String, Long> rows, Map<String, Long> offsets) {

    static SuiteState now() {
        Map<String, Long> rows = new TreeMap<>();
        for (Service service : Service.values()) {
            try (Connection db = service.database(); Statement statement = db.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet r = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                        r.next();
                        rows.put(service.id + "." + table, r.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the rows of " + service.id + "-service", e);
            }
        }
        return new SuiteState(rows, topicEnds());
    }

    /** Waits until nothing moves for two seconds (events of earlier steps still being applied, relays draining). */
    static SuiteState quiet() {
        SuiteState[] last = {now()};
        return await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    SuiteState previous = last[0];
                    last[0] = now();
                    return previous.equals(last[0]) ? previous : null;
                }, state -> state != null);
    }

    private static Map<String, Long> topicEnds() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteStack.BOOTSTRAP);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(10)).entrySet()) {
                if (topic.getKey().startsWith("crm.")) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            Map<String, Long> offsets = new TreeMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(10)).forEach((p, offset) -> offsets.put(p.toString(), offset));
            return offsets;
        }
    }
}
