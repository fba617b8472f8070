package com.example.crm.interaction.timeline.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client to contact: due on {@code nextContactOn}, {@code overdueDays} days ago (0 = today). */
public record TodoItem(UUID clientId, String legalName, LocalDate nextContactOn, long overdueDays, Instant lastContactAt) {
}
