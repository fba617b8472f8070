package com.example.crm.segmentation.messaging;

import com.example.crm.platform.inbox.Inbox;
import com.example.crm.segmentation.domain.Projection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the projection from crm.interaction.v1, contacts, orders, overdue instalments and missed visits; once per event. */
@ApplicationScoped
public class InteractionEventsConsumer {

    static final String CONSUMER = "segmentation-service.interaction-events";

    private final Inbox inbox;
    private final Projection projection;

    public InteractionEventsConsumer(Inbox inbox, Projection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("interaction-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, projection::applyInteractionEvent);
    }
}
