package com.example.crm.client.history.api;

import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change of a card. */
public record HistoryEntryView(
        long version,
        Instant at,
        String actor,
        ClientHistoryEntry.Action action,
        String reason,
        @Schema(description = "changed fields by dotted path, each {\"from\": old, \"to\": new}") JsonNode changes) {
}
