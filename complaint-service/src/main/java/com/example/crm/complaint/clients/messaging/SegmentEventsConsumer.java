package com.example.crm.complaint.clients.messaging;

import com.example.crm.complaint.clients.application.ComplaintReplica;
import com.example.crm.contract.segment.SegmentClassifications;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.inbox.Inbox;
import com.example.crm.platform.replica.SegmentClassification;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/** Keeps segmentation's classification: a client becoming KEY (or class A) tightens its open complaints' SLA. */
@ApplicationScoped
public class SegmentEventsConsumer {

    static final String CONSUMER = "complaint-service.segment-events";

    private final Inbox inbox;
    private final CloudEvents cloudEvents;
    private final ComplaintReplica replica;

    public SegmentEventsConsumer(Inbox inbox, CloudEvents cloudEvents, ComplaintReplica replica) {
        this.inbox = inbox;
        this.cloudEvents = cloudEvents;
        this.replica = replica;
    }

    @Incoming("segment-events")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, this::apply);
    }

    private void apply(CloudEvent event) {
        SegmentClassification classification = SegmentClassifications.from(event, cloudEvents);
        if (classification != null) {
            replica.applyClassification(classification);
        }
    }
}
