package com.example.crm.interaction.timeline.application;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.interaction.timeline.domain.Direction;
import com.example.crm.interaction.timeline.domain.InteractionKind;
import com.example.crm.interaction.timeline.domain.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A contact to log. Times carry an offset; they are stored in UTC. */
public record InteractionInput(
        @NotNull InteractionKind kind,
        @Schema(description = "default OUTBOUND") Direction direction,
        @NotNull @Schema(example = "2026-03-02T10:00:00+08:00") OffsetDateTime occurredAt,
        @Min(0) @Max(1440) @Schema(example = "45") Integer durationMinutes,
        @Schema(description = "who made the contact; default: the caller") @Size(max = 100) String staffId,
        @Schema(description = "default SALES") AttendeeLevel attendeeLevel,
        @Schema(description = "a contact person of the card") UUID contactPersonId,
        @Size(max = 100) String contactName,
        @Size(max = 200) @Schema(example = "季度补货沟通") String subject,
        @Size(max = 4000) String notes,
        Outcome outcome,
        @Size(max = 500) @Schema(example = "周五前发报价单") String nextStep,
        @Schema(description = "下次联系时间: puts the client on the owner's to-do list that day", example = "2026-03-16")
        LocalDate nextContactOn,
        @Valid CheckIn checkIn,
        @Schema(description = "the visit plan this contact fulfils; it becomes DONE") UUID visitPlanId) {

    /** 签到: where and when the rep's device recorded the visit. */
    public record CheckIn(
            @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @Size(max = 300) String address,
            @NotNull OffsetDateTime at) {
    }
}
