package com.example.crm.client.ownership.application;

import com.example.crm.client.card.domain.SegmentFields;
import com.example.crm.client.ownership.domain.RecallRuleKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A pool's settings (create, or replace with If-Match). */
public record PoolInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @Schema(description = "its rules govern clients never taken from a pool; at most one pool is the default")
        Boolean defaultPool,
        @Schema(description = "users who assign the pool's clients (managers and admins always may)")
        @Size(max = 200) List<@NotBlank @Size(max = 100) String> admins,
        @Schema(description = "users who may claim") @Size(max = 5000) List<@NotBlank @Size(max = 100) String> memberUsers,
        @Schema(description = "departments (token claim dept) whose users may claim")
        @Size(max = 500) List<@NotBlank @Size(max = 100) String> memberDepartments,
        @Schema(description = "claims per user and business day; absent: unlimited") @Min(1) @Max(10000) Integer dailyClaimLimit,
        @Schema(description = "days before a previous owner may claim the client again") @Min(0) @Max(3650) Integer reclaimCooldownDays,
        @Schema(description = "days before a recall from which the owner is warned", defaultValue = "3")
        @Min(0) @Max(365) Integer warningDays,
        @Size(max = 3) List<@Valid @NotNull RecallRuleInput> recallRules) {

    public PoolInput {
        admins = admins == null ? List.of() : admins;
        memberUsers = memberUsers == null ? List.of() : memberUsers;
        memberDepartments = memberDepartments == null ? List.of() : memberDepartments;
        warningDays = warningDays == null ? 3 : warningDays;
        defaultPool = defaultPool != null && defaultPool;
        reclaimCooldownDays = reclaimCooldownDays == null ? 0 : reclaimCooldownDays;
        recallRules = recallRules == null ? List.of() : recallRules;
    }

    /**
     * A recall rule: the client returns to the pool {@code days} after its anchor; {@code daysByAbcClass} and
     * {@code daysByValueTier} replace the days for those clients (the longer wins when both apply).
     */
    public record RecallRuleInput(
            @NotNull RecallRuleKind kind,
            @NotNull @Min(1) @Max(3650) Integer days,
            Map<SegmentFields.AbcClass, @NotNull @Min(1) @Max(3650) Integer> daysByAbcClass,
            Map<SegmentFields.ValueTier, @NotNull @Min(1) @Max(3650) Integer> daysByValueTier,
            @Schema(description = "spare clients with a deal (an order not cancelled, or status EXISTING)")
            Boolean exemptWithDeal) {

        public RecallRuleInput {
            daysByAbcClass = daysByAbcClass == null ? Map.of() : daysByAbcClass;
            daysByValueTier = daysByValueTier == null ? Map.of() : daysByValueTier;
            exemptWithDeal = exemptWithDeal != null && exemptWithDeal;
        }
    }
}
