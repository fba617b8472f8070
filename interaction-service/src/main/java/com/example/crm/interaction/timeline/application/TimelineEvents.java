package com.example.crm.interaction.timeline.application;

import com.example.crm.contract.interaction.InteractionEventTypes;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.timeline.domain.Direction;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.timeline.domain.InteractionKind;
import com.example.crm.interaction.timeline.domain.Outcome;
import com.example.crm.platform.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactLogged(UUID clientId, UUID interactionId, InteractionKind kind, Direction direction,
                                Instant occurredAt, Integer durationMinutes, String staffId, AttendeeLevel attendeeLevel,
                                Outcome outcome, LocalDate nextContactOn, boolean checkedIn) {
    }

    public void contactLogged(Interaction i) {
        append(i.clientId, CONTACT_LOGGED, new ContactLogged(i.clientId, i.id, i.kind, i.direction, i.occurredAt,
                i.durationMinutes, i.staffId, i.attendeeLevel, i.outcome, i.nextContactOn, i.checkInAt != null));
    }

    private void append(UUID clientId, String type, Object data) {
        outbox.append(config.topic(), type, clientId, data);
    }
}
