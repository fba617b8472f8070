package com.example.crm.platform.testing;

import com.example.crm.platform.events.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
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

    public void send(String topic, String key, String value) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type",
                    CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
