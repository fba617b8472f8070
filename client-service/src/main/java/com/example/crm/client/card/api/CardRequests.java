package com.example.crm.client.card.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Bodies of the card's commands beyond its fields. */
public final class CardRequests {

    private CardRequests() {
    }

    /** Merges {@code duplicateId} into the card named in the path. */
    public record Merge(@NotNull UUID duplicateId, @Size(max = 500) String reason) {
    }

    /** An optional reason for a deletion, restoration or erasure. */
    public record Reason(@Size(max = 500) String reason) {
    }
}
