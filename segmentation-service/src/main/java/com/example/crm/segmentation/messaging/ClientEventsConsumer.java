package com.example.crm.segmentation.messaging;

import com.example.crm.platform.inbox.Inbox;
import com.example.crm.segmentation.domain.Projection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the projection from crm.client.v1, the card facts; once per event. */
@ApplicationScoped
public class ClientEventsConsumer {

    static final String CONSUMER = "segmentation-service.client-events";

    private final Inbox inbox;
    private final Projection projection;

    public ClientEventsConsumer(Inbox inbox, Projection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("client-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, projection::applyClientEvent);
    }
}
