package com.example.crm.interaction.visits.messaging;

import com.example.crm.contract.segment.SegmentClassifications;
import com.example.crm.interaction.visits.application.CadenceService;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.inbox.Inbox;
import com.example.crm.platform.replica.SegmentClassification;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/** Applies segmentation's classification (value tier KEY sets a weekly cadence), once per event, a poll per transaction. */
@ApplicationScoped
public class SegmentEventsConsumer {

    static final String CONSUMER = "interaction-service.segment-events";

    private final Inbox inbox;
    private final CloudEvents cloudEvents;
    private final CadenceService cadences;

    public SegmentEventsConsumer(Inbox inbox, CloudEvents cloudEvents, CadenceService cadences) {
        this.inbox = inbox;
        this.cloudEvents = cloudEvents;
        this.cadences = cadences;
    }

    @Incoming("segment-events")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, this::apply);
    }

    private void apply(CloudEvent event) {
        SegmentClassification classification = SegmentClassifications.from(event, cloudEvents);
        if (classification != null) { // segment membership changes do not affect cadences
            cadences.applyClassification(classification);
        }
    }
}
