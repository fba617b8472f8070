package com.example.crm.client.activity.messaging;

import com.example.crm.client.activity.application.ActivityProjection;
import com.example.crm.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/** Keeps the follow-ups and orders the recall rules watch, from {@code crm.interaction.v1}, a poll per transaction. */
@ApplicationScoped
public class InteractionEventsConsumer {

    static final String CONSUMER = "client-service.interaction-events";

    private final Inbox inbox;
    private final ActivityProjection activity;

    public InteractionEventsConsumer(Inbox inbox, ActivityProjection activity) {
        this.inbox = inbox;
        this.activity = activity;
    }

    @Incoming("interaction-events")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, activity::resolveClients, activity::apply);
    }
}
