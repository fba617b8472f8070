package com.example.crm.interaction.orders.application;

import com.example.crm.platform.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An order: lines (the total is their sum) or, for a summary record, a total alone. */
public record OrderInput(
        @NotNull @Schema(example = "2026-03-02T14:30:00+08:00") OffsetDateTime orderedAt,
        @Schema(description = "the order's amount when it has no lines; with lines it must equal their sum if given")
        @Valid Money total,
        @Size(max = 200) @Schema(example = "[{\"productCategory\":\"数控刀具\",\"quantity\":20,"
                + "\"unitPrice\":{\"amount\":\"180.00\",\"currency\":\"CNY\"}}]") List<@Valid @NotNull Line> lines) {

    public record Line(
            @NotBlank @Size(max = 100) String productCategory,
            @Size(max = 300) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 4) BigDecimal quantity,
            @NotNull @Valid Money unitPrice) {
    }
}
