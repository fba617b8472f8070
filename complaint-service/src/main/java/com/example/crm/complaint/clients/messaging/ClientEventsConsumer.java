package com.example.crm.complaint.clients.messaging;

import com.example.crm.complaint.clients.application.ComplaintReplica;
import com.example.crm.contract.client.ClientChanges;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.inbox.Inbox;
import com.example.crm.platform.scope.OrganisationReplica;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the local replicas of clients, the organisation and client teams from {@code crm.client.v1}, once per event,
 * a poll per transaction.
 */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "complaint-service.client-events";

    private final Inbox inbox;
    private final ComplaintReplica replica;
    private final OrganisationReplica organisation;
    private final CloudEvents cloudEvents;

    public ClientEventsConsumer(Inbox inbox, ComplaintReplica replica, OrganisationReplica organisation, CloudEvents cloudEvents) {
        this.inbox = inbox;
        this.replica = replica;
        this.organisation = organisation;
        this.cloudEvents = cloudEvents;
    }

    @Incoming("client-events")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, event -> ClientChanges.applyTo(event, cloudEvents, replica, organisation));
    }
}
