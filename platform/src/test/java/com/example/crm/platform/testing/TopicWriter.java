package com.example.crm.platform.testing;

import com.example.crm.platform.events.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes records as another service's outbox relay does (with the structured CloudEvents content-type
 * header), waiting for the acknowledgement.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A record to publish. */
    public record Record(String topic, String key, String value) {
    }

    public void send(String topic, String key, String value) {
        sendAll(List.of(new Record(topic, key, value)));
    }

    /** Publishes the records in this order without waiting in between (a burst), then waits for every acknowledgement. */
    public void sendAll(List<Record> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Record r : records) {
            ProducerRecord<String, String> record = new ProducerRecord<>(r.topic(), r.key(), r.value());
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + records.size() + " records", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
