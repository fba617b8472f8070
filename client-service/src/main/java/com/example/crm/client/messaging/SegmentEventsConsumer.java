package com.example.crm.client.messaging;

import com.example.crm.client.domain.ClientService;
import com.example.crm.client.domain.SegmentFields;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.example.crm.platform.inbox.Inbox;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.UUID;

/** Puts segmentation's classification (ABC class, value tier, churn risk) on the card, once per event. */
@ApplicationScoped
public class SegmentEventsConsumer {

    static final String CONSUMER = "client-service.segment-events";
    static final String CLIENT_CLASSIFIED = "crm.segment.client-classified.v1";

    private final Inbox inbox;
    private final CloudEvents cloudEvents;
    private final ClientService clients;

    public SegmentEventsConsumer(Inbox inbox, CloudEvents cloudEvents, ClientService clients) {
        this.inbox = inbox;
        this.cloudEvents = cloudEvents;
        this.clients = clients;
    }

    /** The part of {@code segment.client-classified} the card uses (all required); other fields may come and go. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientClassified(UUID clientId, SegmentFields.AbcClass abcClass, SegmentFields.ValueTier valueTier,
                                   SegmentFields.ChurnRisk churnRisk, Instant computedAt) {
    }

    @Incoming("segment-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!CLIENT_CLASSIFIED.equals(event.type())) {
            return; // membership changes and future types are not shown on the card
        }
        ClientClassified data = cloudEvents.data(event, ClientClassified.class);
        if (data.clientId() == null || data.abcClass() == null || data.valueTier() == null
                || data.churnRisk() == null || data.computedAt() == null) {
            throw new MalformedEventException(
                    "client-classified needs clientId, abcClass, valueTier, churnRisk and computedAt");
        }
        if (!data.clientId().toString().equals(event.subject())) {
            throw new MalformedEventException(
                    "subject " + event.subject() + " is not the clientId " + data.clientId());
        }
        clients.applyClassification(data.clientId(), data.abcClass(), data.valueTier(), data.churnRisk(),
                data.computedAt(), event.source());
    }
}
