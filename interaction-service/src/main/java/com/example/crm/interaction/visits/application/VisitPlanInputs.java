package com.example.crm.interaction.visits.application;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of visit plans and cadences. Days are in the business time zone; times carry an offset. */
public final class VisitPlanInputs {

    private VisitPlanInputs() {
    }

    /** A visit to plan: a day, or a time (its day in the business zone), not in the past. */
    @Schema(name = "VisitPlanInput")
    public record Plan(
            @Schema(description = "the day; may be omitted when plannedAt is given", example = "2026-03-09") LocalDate plannedOn,
            @Schema(description = "the time, with offset; must fall on plannedOn when both are given",
                    example = "2026-03-09T10:00:00+08:00") OffsetDateTime plannedAt,
            @Size(max = 500) @Schema(example = "带新样品拜访采购部") String purpose,
            @Schema(description = "default: the caller; a sales rep plans for themselves") @Size(max = 100) String assigneeId,
            @Schema(description = "default: the cadence's level, else SALES") AttendeeLevel attendeeLevel) {
    }

    /** A new day (or time) for a planned visit. */
    public record Reschedule(@Schema(example = "2026-03-11") LocalDate plannedOn, OffsetDateTime plannedAt,
                             @Size(max = 500) @Schema(example = "客户采购经理出差") String reason) {
    }

    /** The contact that fulfilled a plan. */
    public record Completion(@NotNull UUID interactionId) {
    }

    @Schema(name = "VisitPlanCancellation")
    public record Cancellation(@Size(max = 500) String reason) {
    }

    /**
     * A cadence set by hand (it wins over segmentation's default): every {@code intervalDays} days (presets 20, 40,
     * 60, 80) or {@code weekly}, optionally on {@code dayOfWeek}.
     */
    @Schema(name = "CadenceInput")
    public record Cadence(
            @Min(1) @Max(366) Integer intervalDays,
            Boolean weekly,
            @Schema(description = "only with weekly") DayOfWeek dayOfWeek,
            @Schema(description = "default SALES") AttendeeLevel attendeeLevel) {
    }
}
