package com.example.crm.client.card.api;

import com.example.crm.client.card.domain.VisibleBecause;

import com.example.crm.client.card.application.ClientInput.AddressDto;
import com.example.crm.client.card.application.ClientInput.CharacteristicsDto;
import com.example.crm.client.card.application.ClientInput.RapportDto;
import com.example.crm.client.card.domain.AcquisitionSource;
import com.example.crm.client.card.domain.ClientKind;
import com.example.crm.client.card.domain.CreditRating;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.PoolEntryReason;
import com.example.crm.client.card.domain.RelationshipLevel;
import com.example.crm.client.card.domain.SegmentFields;
import com.example.crm.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A profile card as the API shows it. */
public record ClientView(
        UUID id,
        long version,
        ClientKind kind,
        String legalName,
        String shortName,
        String industry,
        AcquisitionSource acquisitionSource,
        String unifiedSocialCreditCode,
        String legalRepresentative,
        LocalDate foundedOn,
        LocalDate firstDealOn,
        String organisationForm,
        Integer employees,
        Money registeredCapital,
        String website,
        String phone,
        String email,
        List<String> tags,
        Map<String, Object> customAttributes,
        AddressDto address,
        FinanceView finance,
        CharacteristicsDto characteristics,
        RapportDto rapport,
        LifecycleStatus status,
        @Schema(description = "statuses this client may move to next") List<LifecycleStatus> allowedTransitions,
        RelationshipLevel relationshipLevel,
        String ownerId,
        @Schema(description = "who owns the client since when, or the pool it sits in, since when and why") Placement placement,
        @Schema(description = "why the caller sees this card: they own it, are on its team, belong to the pool it sits "
                + "in, or their data scope covers its owner's department") VisibleBecause visibleBecause,
        Instant lastVerifiedAt,
        Instant reviewDueAt,
        @Schema(description = "read-only, from segmentation-service") SegmentView segment,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        @Schema(description = "set while the card is deleted (visible to admins only)") Instant deletedAt,
        @Schema(description = "set once personal data was erased") Instant erasedAt,
        @Schema(description = "the surviving card this duplicate was merged into") UUID mergedInto) {

    public record FinanceView(
            String bankName,
            @Schema(description = "masked as ****1234 unless the caller is a manager or an admin") String bankAccount,
            CreditRating creditRating,
            Money creditLimit,
            Integer paymentTermsDays) {
    }

    /**
     * Ownership on the card: owned by {@code ownerId} (taken from {@code poolId}, if any), or sitting in {@code poolId}
     * without an owner since {@code inPoolSince} for {@code reasonCode}.
     */
    public record Placement(String ownerId, String ownerDepartment, Instant ownedSince, boolean locked,
                            Instant lockedAt, UUID poolId, boolean inPool, Instant inPoolSince,
                            PoolEntryReason reasonCode, String reason) {
    }

    public record SegmentView(SegmentFields.AbcClass abcClass, SegmentFields.ValueTier valueTier,
                              SegmentFields.ChurnRisk churnRisk, Instant computedAt) {
    }
}
