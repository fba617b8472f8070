package com.example.crm.interaction.timeline.api;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.timeline.domain.Direction;
import com.example.crm.interaction.timeline.domain.InteractionKind;
import com.example.crm.interaction.timeline.domain.Outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record InteractionView(UUID id, UUID clientId, long version, InteractionKind kind, Direction direction,
                              Instant occurredAt, Integer durationMinutes, String staffId, AttendeeLevel attendeeLevel,
                              UUID contactPersonId, String contactName, String subject, String notes, Outcome outcome,
                              String nextStep, LocalDate nextContactOn, CheckInView checkIn, Instant createdAt,
                              String createdBy) {

    public record CheckInView(BigDecimal latitude, BigDecimal longitude, String address, Instant at) {
    }
}
