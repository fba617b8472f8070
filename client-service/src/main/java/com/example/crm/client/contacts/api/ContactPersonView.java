package com.example.crm.client.contacts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ContactPersonView(UUID id, UUID clientId, long version, String name, String title,
                                boolean decisionMaker, String phone, String email, String preferences,
                                LocalDate birthday, String notes, Instant createdAt, Instant updatedAt) {
}
