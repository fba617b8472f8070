package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.handling.domain.Channel;
import com.example.crm.complaint.handling.domain.CompensationType;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.RootCause;
import com.example.crm.complaint.handling.domain.Severity;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.NotNegative;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The commands of complaint handling, as their callers send them (validated before they get here). */
public final class ComplaintCommands {

    private ComplaintCommands() {
    }

    public record Intake(
            @NotNull UUID clientId,
            @NotNull Channel channel,
            @NotNull Category category,
            @NotNull Severity severity,
            @NotBlank @Size(max = 200) @Schema(example = "三月批次刀具崩刃") String subject,
            @Schema(description = "the customer's own words", example = "上周到货的 20 把刀具有 6 把用两天就崩刃，影响了生产线")
            @Size(max = 8000) String customerWords,
            UUID orderId,
            @Schema(description = "default: now; not in the future and not more than complaint.sla.max-backdating "
                    + "(default 30 days) before now", example = "2026-03-02T09:10:00+08:00") OffsetDateTime receivedAt,
            @Schema(description = "default: the caller when they handle complaints (crm-service); naming a handler is "
                    + "for crm-service, managers and admins (403 for other roles)") @Size(max = 100)
            String assigneeId) {
    }

    /** Step 1 (listened): the customer's account, acknowledged to them. */
    @Schema(name = "AcknowledgementInput")
    public record Acknowledgement(@NotBlank @Size(max = 4000)
                                  @Schema(example = "客户说明：3 月 2 日到货，次日上机，6 把崩刃，已拍照") String customerAccount) {
    }

    /** Step 2 (investigated). */
    @Schema(name = "InvestigationInput")
    public record Investigation(@NotNull RootCause rootCause, @NotBlank @Size(max = 4000) @Schema(example = "该批次热处理温度偏低，硬度不足") String finding,
                                @Schema(description = "what the customer was told") @Size(max = 4000) String toldCustomer) {
    }

    /** Step 3 (resolved): needs the investigation (root cause) first. */
    @Schema(name = "ResolutionInput")
    public record Resolution(@NotNull Boolean apologyGiven,
                             @Schema(description = "the resolution the customer asked for") @Size(max = 2000) String preferredResolution,
                             @NotBlank @Size(max = 4000) @Schema(example = "整批换货并补偿运费，质检加抽检") String resolution,
                             @Schema(description = "a solution of the knowledge base that was applied") UUID solutionId) {
    }

    /** Step 4 (follow-up): what the customer was given. */
    @Schema(name = "CompensationInput")
    public record Compensation(@NotNull CompensationType type, @NotNull @Valid @NotNegative Money amount) {
    }

    public record FollowUp(@NotBlank @Size(max = 1000) @Schema(example = "换货到达后电话回访车间主任") String action,
                           @NotNull @Schema(example = "2026-03-09") LocalDate dueOn,
                           @Size(max = 100) String assigneeId) {
    }

    /** CLOSED (from RESOLVED), REOPENED (from RESOLVED or CLOSED) or INVESTIGATING (from ACKNOWLEDGED or REOPENED). */
    public record Transition(@NotNull ComplaintStatus to, @Size(max = 1000) String reason) {
    }

    /** Waiting on the customer pauses the resolution clock. */
    public record Waiting(@NotNull Boolean waiting) {
    }

    public record SeverityChange(@NotNull Severity severity, @Size(max = 1000) String reason) {
    }

    public record Assignment(@NotBlank @Size(max = 100) @Schema(example = "svc-li") String assigneeId) {
    }

}
