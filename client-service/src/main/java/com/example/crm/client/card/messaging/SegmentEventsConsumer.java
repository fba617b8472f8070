package com.example.crm.client.card.messaging;

import com.example.crm.client.card.application.ClientService;
import com.example.crm.client.card.domain.SegmentFields;
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

/** Puts segmentation's classification (ABC class, value tier, churn risk) on the card, once per event, a poll per transaction. */
@ApplicationScoped
public class SegmentEventsConsumer {

    static final String CONSUMER = "client-service.segment-events";

    private final Inbox inbox;
    private final CloudEvents cloudEvents;
    private final ClientService clients;

    public SegmentEventsConsumer(Inbox inbox, CloudEvents cloudEvents, ClientService clients) {
        this.inbox = inbox;
        this.cloudEvents = cloudEvents;
        this.clients = clients;
    }

    @Incoming("segment-events")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, this::apply);
    }

    private void apply(CloudEvent event) {
        SegmentClassification data = SegmentClassifications.from(event, cloudEvents);
        if (data == null) {
            return; // membership changes and future types are not shown on the card
        }
        clients.applyClassification(data.clientId(), SegmentFields.AbcClass.valueOf(data.abcClass()),
                SegmentFields.ValueTier.valueOf(data.valueTier()), SegmentFields.ChurnRisk.valueOf(data.churnRisk()),
                data.computedAt(), event.source());
    }
}
