package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.AcquisitionSource;
import com.example.crm.client.card.domain.ClientKind;
import com.example.crm.client.card.domain.CreditCode;
import com.example.crm.client.card.domain.CreditRating;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.RelationshipLevel;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.NotNegative;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The writable fields of a profile card: the body of a create, and the document a JSON merge patch is
 * applied to. Read-only fields (id, version, owner, segment fields, timestamps) are not part of it, so
 * sending them is rejected as an unknown property. {@code status} is accepted on create only; later
 * changes go through the lifecycle transition endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientInput(
        @NotNull ClientKind kind,
        @NotBlank @Size(max = 200) @Schema(example = "杭州东方精密机械有限公司") String legalName,
        @Size(max = 100) @Schema(example = "东方精机") String shortName,
        @Size(max = 100) @Schema(example = "机械制造") String industry,
        AcquisitionSource acquisitionSource,
        @CreditCode @Schema(description = "统一社会信用代码: 18 characters, the last a check character (GB 32100-2015)",
                example = "91350100M000100Y43") String unifiedSocialCreditCode,
        @Size(max = 100) String legalRepresentative,
        @PastOrPresent LocalDate foundedOn,
        @PastOrPresent LocalDate firstDealOn,
        @Size(max = 100) String organisationForm,
        @Min(0) @Max(10_000_000) Integer employees,
        @Valid @NotNegative Money registeredCapital,
        @Size(max = 255) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9()\\- ]{3,40}", message = "must be a phone number (digits, spaces, + - ( ))")
        @Schema(example = "+86 571 8808 1234") String phone,
        @Size(max = 254) @Email String email,
        @Size(max = 50) @Schema(example = "[\"华东\", \"机床\"]") List<@NotBlank @Size(max = 50) String> tags,
        @Schema(description = "free attributes, a JSON object of at most 8 KiB") Map<String, Object> customAttributes,
        @Valid @Schema(example = "{\"country\":\"CN\",\"province\":\"浙江省\",\"city\":\"杭州市\"}") AddressDto address,
        @Valid FinanceInput finance,
        @Valid CharacteristicsDto characteristics,
        @Valid RapportDto rapport,
        @Schema(description = "initial status on create (default POTENTIAL); read-only afterwards") LifecycleStatus status,
        RelationshipLevel relationshipLevel) {

    public record AddressDto(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @Size(max = 100) @Schema(example = "浙江省") String province,
            @Size(max = 100) @Schema(example = "杭州市") String city,
            @Size(max = 100) String district,
            @Size(max = 300) String street,
            @Size(max = 20) String postalCode) {
    }

    public record FinanceInput(
            @Size(max = 100) String bankName,
            @Pattern(regexp = "[0-9A-Za-z -]{4,40}", message = "must be 4 to 40 digits, letters, spaces or dashes") String bankAccount,
            CreditRating creditRating,
            @Valid @NotNegative Money creditLimit,
            @Min(0) @Max(3650) Integer paymentTermsDays) {
    }

    public record CharacteristicsDto(
            @Size(max = 500) String serviceArea,
            @Size(max = 500) String salesCapability,
            @Size(max = 500) String developmentPotential,
            @Size(max = 500) String scale,
            @Size(max = 500) String cooperationAttitude,
            @Size(max = 500) String competitorRelations,
            @Size(max = 4000) String notes) {
    }

    public record RapportDto(
            @Size(max = 100) String hometown,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> hobbies,
            @Size(max = 10) List<@NotBlank @Size(max = 100) String> schools,
            @Size(max = 20) List<@Valid ImportantDateDto> importantDates) {
    }

    public record ImportantDateDto(@NotBlank @Size(max = 50) String label, @NotNull LocalDate date) {
    }
}
