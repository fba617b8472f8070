package com.example.crm.interaction.timeline.application;

import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.contract.interaction.InteractionEvents.ContactLogged;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The events of {@code crm.interaction.v1} about contacts, written through the outbox in the caller's transaction;
 * documented in the service's contract artifact ({@code contract/}) and checked against what is emitted. Personal
 * text (notes, subjects, purposes) stays out.
 */
@ApplicationScoped
public class TimelineEvents {

    public static final String CONTACT_LOGGED = InteractionEventTypes.CONTACT_LOGGED;

    private final Outbox outbox;
    private final InteractionConfig config;

    public TimelineEvents(Outbox outbox, InteractionConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void contactLogged(Interaction i) {
        append(i.clientId, CONTACT_LOGGED, new ContactLogged(i.clientId, i.id, name(i.kind), name(i.direction),
                i.occurredAt, i.durationMinutes, i.staffId, name(i.attendeeLevel), name(i.outcome), i.nextContactOn,
                i.checkInAt != null));
    }

    private void append(UUID clientId, String type, Object data) {
        outbox.append(config.topic(), type, clientId, data);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
