package com.example.crm.complaint.api;

import com.example.crm.complaint.domain.Category;
import com.example.crm.complaint.domain.Channel;
import com.example.crm.complaint.domain.CompensationType;
import com.example.crm.complaint.domain.ComplaintStatus;
import com.example.crm.complaint.domain.RootCause;
import com.example.crm.complaint.domain.Severity;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.NotNegative;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Request bodies of the complaint API. */
public final class ComplaintInputs {

    private ComplaintInputs() {
    }

    public record Intake(
            @NotNull UUID clientId,
            @NotNull Channel channel,
            @NotNull Category category,
            @NotNull Severity severity,
            @NotBlank @Size(max = 200) String subject,
            @Schema(description = "the customer's own words") @Size(max = 8000) String customerWords,
            UUID orderId,
            @Schema(description = "default: now; not in the future") OffsetDateTime receivedAt,
            @Schema(description = "default: the caller when they handle complaints (crm-service)") @Size(max = 100)
            String assigneeId) {
    }

    /** Step 1 (listened): the customer's account, acknowledged to them. */
    public record Acknowledgement(@NotBlank @Size(max = 4000) String customerAccount) {
    }

    /** Step 2 (investigated). */
    public record Investigation(@NotNull RootCause rootCause, @NotBlank @Size(max = 4000) String finding,
                                @Schema(description = "what the customer was told") @Size(max = 4000) String toldCustomer) {
    }

    /** Step 3 (resolved): needs the investigation (root cause) first. */
    public record Resolution(@NotNull Boolean apologyGiven,
                             @Schema(description = "the resolution the customer asked for") @Size(max = 2000) String preferredResolution,
                             @NotBlank @Size(max = 4000) String resolution,
                             @Schema(description = "a solution of the knowledge base that was applied") UUID solutionId) {
    }

    /** Step 4 (follow-up): what the customer was given. */
    public record Compensation(@NotNull CompensationType type, @NotNull @Valid @NotNegative Money amount) {
    }

    public record FollowUp(@NotBlank @Size(max = 1000) String action, @NotNull LocalDate dueOn,
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

    public record Assignment(@NotBlank @Size(max = 100) String assigneeId) {
    }

    /** A survey answer: by the customer with the survey's token, or by staff (bearer token) from a call. */
    public record SurveyAnswer(
            @Schema(description = "the survey token given at resolution; not needed with a staff bearer token") @Size(max = 100) String token,
            @NotNull @Min(1) @Max(5) Integer score,
            @NotNull @Min(1) @Max(10) Integer performance,
            @NotNull @Min(1) @Max(10) Integer expectation,
            @Size(max = 4000) String comment) {
    }

    public record SolutionInput(@NotBlank @Size(max = 200) String title, @NotNull Category category,
                                @Size(max = 4000) String symptoms, @NotBlank @Size(max = 8000) String answer,
                                @Size(max = 20) java.util.List<@NotBlank @Size(max = 50) String> tags) {
    }
}
