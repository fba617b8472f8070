package com.example.crm.client.card.domain;

import com.example.crm.client.card.domain.SegmentFields.AbcClass;
import com.example.crm.client.card.domain.SegmentFields.ChurnRisk;
import com.example.crm.client.card.domain.SegmentFields.ValueTier;
import com.example.crm.client.duplicates.domain.DuplicateKeys;
import com.example.crm.client.duplicates.domain.DuplicateProbe;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.money.MoneyAmount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The customer profile card (客户资料卡). */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    /** What an individual's name becomes when the card is erased. */
    public static final String ERASED = "已擦除";
    /** A card holds at most this many tags. */
    public static final int MAX_TAGS = 50;

    @Id
    public UUID id;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public ClientKind kind;

    public String legalName;
    public String shortName;
    public String industry;

    @Enumerated(EnumType.STRING)
    public AcquisitionSource acquisitionSource;

    public String unifiedSocialCreditCode;
    public String legalRepresentative;
    public LocalDate foundedOn;
    public LocalDate firstDealOn;
    public String organisationForm;
    public Integer employees;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "registered_capital_amount")),
            @AttributeOverride(name = "currency", column = @Column(name = "registered_capital_currency"))})
    public MoneyAmount registeredCapital;

    public String website;
    public String phone;
    public String email;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> customAttributes = new LinkedHashMap<>();

    @Embedded
    public Address address;

    @Embedded
    public Finance finance;

    @Embedded
    public Characteristics characteristics;

    @JdbcTypeCode(SqlTypes.JSON)
    public Rapport rapport;

    @Enumerated(EnumType.STRING)
    public LifecycleStatus status;

    @Enumerated(EnumType.STRING)
    public RelationshipLevel relationshipLevel;

    /** The rep who owns the client; {@code null} while it sits in its pool. */
    public String ownerId;
    /** The owner's department (the token's department claim when the client was taken). */
    public String ownerDepartment;
    public Instant ownedSince;
    /**
     * The pool that governs the client: the one it sits in while it has no owner, else the one it was taken from
     * ({@code null}: the default pool's rules apply).
     */
    public UUID poolId;
    public Instant poolEnteredAt;
    @Enumerated(EnumType.STRING)
    public PoolEntryReason poolReasonCode;
    public String poolReason;
    /** Locked (锁定) by its owner: never recalled. */
    public Instant lockedAt;
    public String lockedBy;
    public Instant lastVerifiedAt;
    public Instant reviewDueAt;

    @Enumerated(EnumType.STRING)
    public AbcClass abcClass;
    @Enumerated(EnumType.STRING)
    public ValueTier valueTier;
    @Enumerated(EnumType.STRING)
    public ChurnRisk churnRisk;
    public Instant segmentComputedAt;

    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;

    /** Soft delete: hidden from lists and reads, restorable by an admin. */
    public Instant deletedAt;
    public String deletedBy;
    /** Personal data scrubbed irreversibly. */
    public Instant erasedAt;

    /** Keys duplicates are found by, derived from the name and phone ({@link #deriveKeys()}). */
    public String nameKey;
    public String phoneDigits;
    /** Set on a duplicate merged into another card (which survives). */
    public UUID mergedInto;

    public void deriveKeys() {
        nameKey = DuplicateKeys.nameKey(legalName);
        phoneDigits = DuplicateKeys.phoneDigits(phone);
    }

    /** What this card's duplicates are looked for by. */
    public DuplicateProbe duplicateProbe() {
        return new DuplicateProbe(id, unifiedSocialCreditCode, nameKey, phoneDigits);
    }

    /** Checked against reality now: the next review falls due {@code reviewIntervalMonths} later. */
    public void verified(Instant at, int reviewIntervalMonths) {
        lastVerifiedAt = at;
        reviewDueAt = at.atOffset(ZoneOffset.UTC).plusMonths(reviewIntervalMonths).toInstant();
    }

    /**
     * Erasure: personal data is replaced (an individual's name and code too, a company's name stays: it is public);
     * figures, classification and placement stay. The duplicate keys follow the scrubbed values.
     */
    public void scrubPersonalData() {
        if (kind == ClientKind.INDIVIDUAL) {
            legalName = ERASED;
            shortName = null;
            unifiedSocialCreditCode = null;
        }
        legalRepresentative = null;
        phone = null;
        email = null;
        website = null;
        rapport = null;
        customAttributes = new LinkedHashMap<>();
        if (address != null) {
            address.street = null;
            address.postalCode = null;
        }
        if (finance != null) {
            finance.bankName = null;
            finance.bankAccount = null;
        }
        if (characteristics != null) {
            characteristics.notes = null;
            characteristics.competitorRelations = null;
        }
        deriveKeys();
    }

    /**
     * The merge rule (docs/domain.md, "The profile card"): this card, the survivor, keeps its values and takes
     * {@code duplicate}'s where it has none, value by value, also inside the address, finance, characteristics and
     * rapport; tags are united (at most {@link #MAX_TAGS}, the survivor's first), custom attributes too (the survivor's
     * win). Its status, owner and placement stay. The duplicate's credit code is taken after the duplicate gave it up.
     */
    public void completeFrom(Client duplicate, String duplicateCreditCode, Instant at) {
        legalName = Completion.either(legalName, duplicate.legalName);
        shortName = Completion.either(shortName, duplicate.shortName);
        industry = Completion.either(industry, duplicate.industry);
        acquisitionSource = Completion.either(acquisitionSource, duplicate.acquisitionSource);
        unifiedSocialCreditCode = Completion.either(unifiedSocialCreditCode, duplicateCreditCode);
        legalRepresentative = Completion.either(legalRepresentative, duplicate.legalRepresentative);
        foundedOn = Completion.either(foundedOn, duplicate.foundedOn);
        firstDealOn = Completion.either(firstDealOn, duplicate.firstDealOn);
        organisationForm = Completion.either(organisationForm, duplicate.organisationForm);
        employees = Completion.either(employees, duplicate.employees);
        registeredCapital = Completion.either(registeredCapital, duplicate.registeredCapital);
        website = Completion.either(website, duplicate.website);
        phone = Completion.either(phone, duplicate.phone);
        email = Completion.either(email, duplicate.email);
        relationshipLevel = Completion.either(relationshipLevel, duplicate.relationshipLevel);
        Set<String> united = new LinkedHashSet<>(tags == null ? List.of() : tags);
        if (duplicate.tags != null) {
            united.addAll(duplicate.tags);
        }
        tags = new ArrayList<>(List.copyOf(united).subList(0, Math.min(united.size(), MAX_TAGS)));
        Map<String, Object> attributes = new LinkedHashMap<>(customAttributes == null ? Map.of() : customAttributes);
        if (duplicate.customAttributes != null) {
            duplicate.customAttributes.forEach(attributes::putIfAbsent);
        }
        customAttributes = attributes;
        address = Address.completed(address, duplicate.address);
        finance = Finance.completed(finance, duplicate.finance);
        characteristics = Characteristics.completed(characteristics, duplicate.characteristics);
        rapport = Rapport.completed(rapport, duplicate.rapport);
        deriveKeys();
        updatedAt = at;
    }

    /**
     * Merged into {@code survivor}: deleted, pointing to it. Its credit code is given up (a code belongs to one card)
     * and returned for the survivor.
     */
    public String mergeInto(UUID survivor, String by, Instant at) {
        String code = unifiedSocialCreditCode;
        unifiedSocialCreditCode = null;
        deletedAt = at;
        deletedBy = by;
        mergedInto = survivor;
        updatedAt = at;
        return code;
    }

    /** Moves along the lifecycle; a step the current status does not allow is refused naming the allowed ones. */
    public void transitionTo(LifecycleStatus to, Instant at) {
        if (!status.canBecome(to)) {
            throw new DomainException.IllegalTransition("a client in status " + status + " cannot become " + to)
                    .with("from", status).with("to", to).with("allowed", status.allowedNext().stream().sorted().toList());
        }
        status = to;
        updatedAt = at;
    }

    /** Taken from pool {@code poolId} (claimed or assigned): owned from {@code at}; the pool is remembered. */
    public void takenFrom(UUID poolId, String owner, String department, Instant at) {
        ownerId = owner;
        ownerDepartment = department;
        ownedSince = at;
        this.poolId = poolId;
        poolEnteredAt = null;
        poolReasonCode = null;
        poolReason = null;
        updatedAt = at;
    }

    /** Back in pool {@code poolId} with no owner (returned or recalled); a lock ends with its owner. */
    public void releasedTo(UUID poolId, PoolEntryReason code, String reason, Instant at) {
        ownerId = null;
        ownerDepartment = null;
        ownedSince = null;
        lockedAt = null;
        lockedBy = null;
        this.poolId = poolId;
        poolEnteredAt = at;
        poolReasonCode = code;
        poolReason = reason;
        updatedAt = at;
    }

    /** Handed to another owner; a lock is its owner's, so it ends. */
    public void handedTo(String owner, String department, Instant at) {
        ownerId = owner;
        ownerDepartment = department;
        ownedSince = at;
        lockedAt = null;
        lockedBy = null;
        updatedAt = at;
    }

    public void lock(String by, Instant at) {
        lockedAt = at;
        lockedBy = by;
    }

    public void unlock() {
        lockedAt = null;
        lockedBy = null;
    }

    public boolean inPool() {
        return ownerId == null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
