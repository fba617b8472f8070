package com.example.crm.segmentation.projection.messaging;

import com.example.crm.platform.inbox.Inbox;
import com.example.crm.segmentation.projection.application.Projection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the projection from the suite's three topics, each read by its own consumer (in order per client: the
 * record key is the client id). Every event is applied once (inbox); a whole poll is applied in one transaction so
 * that ingestion keeps up with bursts and replays; bad records go to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class ProjectionConsumers {

    static final String CLIENTS = "segmentation-service.client-events";
    static final String INTERACTIONS = "segmentation-service.interaction-events";
    static final String COMPLAINTS = "segmentation-service.complaint-events";

    private final Inbox inbox;
    private final Projection projection;

    public ProjectionConsumers(Inbox inbox, Projection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    /** crm.client.v1: the card facts. */
    @Incoming("client-events")
    @Blocking
    public CompletionStage<Void> onClientEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CLIENTS, batch, projection::applyClientEvent);
    }

    /** crm.interaction.v1: contacts, orders, overdue instalments and missed visits. */
    @Incoming("interaction-events")
    @Blocking
    public CompletionStage<Void> onInteractionEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(INTERACTIONS, batch, projection::lockClientsOfFacts, projection::applyInteractionEvent);
    }

    /** crm.complaint.v1: complaints and surveys. */
    @Incoming("complaint-events")
    @Blocking
    public CompletionStage<Void> onComplaintEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(COMPLAINTS, batch, projection::lockClientsOfFacts, projection::applyComplaintEvent);
    }
}
