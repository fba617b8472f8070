package com.example.crm.interaction.messaging;

import com.example.crm.interaction.domain.CadenceService;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.example.crm.platform.inbox.Inbox;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Applies segmentation's classification (value tier KEY sets a weekly cadence), once per event. */
@ApplicationScoped
public class SegmentEventsConsumer {

    static final String CONSUMER = "interaction-service.segment-events";
    static final String CLIENT_CLASSIFIED = "crm.segment.client-classified.v1";
    private static final Set<String> TIERS = Set.of("KEY", "ORDINARY", "PROSPECT");
    private static final Set<String> CLASSES = Set.of("A", "B", "C");

    private final Inbox inbox;
    private final CloudEvents cloudEvents;
    private final CadenceService cadences;

    public SegmentEventsConsumer(Inbox inbox, CloudEvents cloudEvents, CadenceService cadences) {
        this.inbox = inbox;
        this.cloudEvents = cloudEvents;
        this.cadences = cadences;
    }

    /** The part of {@code segment.client-classified} used here; other fields may come and go. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientClassified(UUID clientId, String abcClass, String valueTier, Instant computedAt) {
    }

    @Incoming("segment-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.consume(CONSUMER, payload, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!CLIENT_CLASSIFIED.equals(event.type())) {
            return; // segment membership changes do not affect cadences
        }
        ClientClassified data = cloudEvents.data(event, ClientClassified.class);
        if (data.clientId() == null || !CLASSES.contains(data.abcClass()) || !TIERS.contains(data.valueTier())
                || data.computedAt() == null) {
            throw new MalformedEventException("client-classified needs clientId, abcClass (A/B/C), "
                    + "valueTier (KEY/ORDINARY/PROSPECT) and computedAt");
        }
        if (!data.clientId().toString().equals(event.subject())) {
            throw new MalformedEventException("subject " + event.subject() + " is not the clientId " + data.clientId());
        }
        cadences.applyClassification(data.clientId(), data.abcClass(), data.valueTier(), data.computedAt());
    }
}
