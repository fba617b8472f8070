package com.example.crm.complaint.messaging;

import com.example.crm.complaint.domain.ComplaintReplica;
import com.example.crm.platform.inbox.Inbox;
import com.example.crm.platform.replica.ClientChange;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local replica of clients from {@code crm.client.v1}, once per event. */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "complaint-service.client-events";

    private final Inbox inbox;
    private final ComplaintReplica replica;

    public ClientEventsConsumer(Inbox inbox, ComplaintReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("client-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, event -> replica.apply(ClientChange.from(event)));
    }
}
