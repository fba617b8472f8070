package com.example.crm.interaction.visits.api;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.domain.VisitPlanStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the visit plan, cadence, agenda and prospect APIs answer with. */
public final class VisitPlanViews {

    private VisitPlanViews() {
    }

    @Schema(name = "VisitPlanView")
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
    @Schema(name = "CadenceView")
    public record Cadence(UUID clientId, long version, int intervalDays, boolean weekly, DayOfWeek dayOfWeek,
                          AttendeeLevel attendeeLevel,
                          @Schema(implementation = String.class, enumeration = {"MANUAL", "SEGMENT"},
                                  description = "MANUAL: set by a user; SEGMENT: KEY-tier weekly")
                          com.example.crm.interaction.visits.domain.Cadence.Source source,
                          String setBy, Instant setAt) {
    }

    /** Development of a prospect (docs/domain.md, "Visits and cadences": at least {@code target} visits). */
    @Schema(name = "ProspectView")
    public record Prospect(UUID clientId, String legalName, String status, long visits, int target, long remaining,
                           Instant lastVisitAt, LocalDate nextPlannedOn) {
    }
}
