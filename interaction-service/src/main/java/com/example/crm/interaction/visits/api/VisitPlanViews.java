package com.example.crm.interaction.visits.api;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.domain.VisitPlanStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the visit plan, cadence, agenda and prospect APIs answer with. */
public final class VisitPlanViews {

    private VisitPlanViews() {
    }

    public record Plan(UUID id, UUID clientId, long version, LocalDate plannedOn, Instant plannedAt, String purpose,
                       String assigneeId, AttendeeLevel attendeeLevel, VisitPlanStatus status, VisitPlan.Source source,
                       List<VisitPlanStatus> allowedTransitions, UUID interactionId, Instant completedAt,
                       Instant missedAt, Instant cancelledAt, String cancelReason, Instant createdAt, String createdBy) {
    }

    public record AgendaItem(boolean overdue, String legalName, Plan plan) {
    }

    public record Agenda(String assignee, String week, LocalDate from, LocalDate to, LocalDate today,
                         List<AgendaItem> items) {
    }

    /** weekly: every seven days (on dayOfWeek when set); source MANUAL (set by a user) or SEGMENT (tier KEY). */
    public record Cadence(UUID clientId, long version, int intervalDays, boolean weekly, DayOfWeek dayOfWeek,
                          AttendeeLevel attendeeLevel, com.example.crm.interaction.visits.domain.Cadence.Source source,
                          String setBy, Instant setAt) {
    }

    /** Development of a prospect (docs/domain.md, "Visits and cadences": at least {@code target} visits). */
    public record Prospect(UUID clientId, String legalName, String status, long visits, int target, long remaining,
                           Instant lastVisitAt, LocalDate nextPlannedOn) {
    }
}
