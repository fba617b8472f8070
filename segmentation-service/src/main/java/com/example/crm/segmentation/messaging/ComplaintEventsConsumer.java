package com.example.crm.segmentation.messaging;

import com.example.crm.platform.inbox.Inbox;
import com.example.crm.segmentation.domain.Projection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the projection from crm.complaint.v1, complaints and surveys; once per event. */
@ApplicationScoped
public class ComplaintEventsConsumer {

    static final String CONSUMER = "segmentation-service.complaint-events";

    private final Inbox inbox;
    private final Projection projection;

    public ComplaintEventsConsumer(Inbox inbox, Projection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("complaint-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, projection::applyComplaintEvent);
    }
}
