package com.example.crm.interaction.messaging;

import com.example.crm.interaction.domain.ClientReplica;
import com.example.crm.platform.inbox.Inbox;
import com.example.crm.platform.replica.ClientChange;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local replica of clients from {@code crm.client.v1}, once per event. */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "interaction-service.client-events";

    private final Inbox inbox;
    private final ClientReplica replica;

    public ClientEventsConsumer(Inbox inbox, ClientReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("client-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, event -> replica.apply(ClientChange.from(event)));
    }
}
