package com.example.crm.interaction.orders.application;

import com.example.crm.interaction.orders.domain.PaymentMethod;
import com.example.crm.platform.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of receivable plans and payments. */
public final class ReceivableInputs {

    private ReceivableInputs() {
    }

    /** 回款计划: the order's amount split into instalments; they must add up to the order's total. */
    @Schema(name = "ReceivablePlanInput")
    public record Plan(@NotEmpty @Size(max = 120) List<@Valid @NotNull Instalment> instalments) {
    }

    @Schema(name = "InstalmentInput")
    public record Instalment(
            @NotNull @Schema(description = "a day in the business time zone, not before the order day", example = "2026-04-30")
            LocalDate dueOn,
            @NotNull @Valid Money amount,
            @Schema(description = "remind the client this many days before the due day; default 0")
            @Min(0) @Max(365) Integer reminderDays) {
    }

    /** 回款: a payment against an instalment, or against the order (it settles the earliest open instalments). */
    @Schema(name = "PaymentInput")
    public record Payment(
            @NotNull @Valid Money amount,
            @NotNull @Schema(example = "2026-03-20T15:00:00+08:00") OffsetDateTime paidAt,
            @NotNull PaymentMethod method,
            @Schema(description = "the instalment paid; omitted: the earliest open ones") UUID instalmentId,
            @Size(max = 200) @Schema(description = "bank reference, draft number, ...", example = "CMB 20260320-0088") String reference) {
    }
}
