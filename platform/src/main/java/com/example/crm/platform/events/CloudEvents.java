package com.example.crm.platform.events;

import com.example.crm.platform.api.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds, writes and reads CloudEvents with the application's ObjectMapper. */
@ApplicationScoped
public class CloudEvents {

    private final ObjectMapper mapper;
    private final Clock clock;

    public CloudEvents(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public CloudEvent create(String source, String type, String subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                CloudEvent.JSON, mapper.valueToTree(data));
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /**
     * Reads a structured-mode CloudEvent and checks the attributes the suite relies on.
     *
     * @throws MalformedEventException when the record is not such an event
     */
    public CloudEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        CloudEvent event;
        try {
            event = mapper.treeToValue(node, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getOriginalMessage());
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("specversion must be 1.0, was " + event.specversion());
        }
        requireText(event.id(), "id");
        requireText(event.source(), "source");
        requireText(event.type(), "type");
        requireText(event.subject(), "subject");
        try {
            UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("id must be a UUID, was " + event.id());
        }
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEventException("data must be a JSON object");
        }
        return event;
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonMappingException e) {
            throw new MalformedEventException("data of " + event.type() + " does not match its contract at data."
                    + ProblemMappers.jsonPath(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " does not match its contract: " + e.getMessage());
        }
    }

    private static void requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing attribute " + attribute);
        }
    }
}
