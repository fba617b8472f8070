package com.example.crm.client.ownership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A public pool (公海) of clients without an owner, with its members, admins and claim and recall rules. */
@Entity
@Table(name = "pool")
public class Pool extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String name;
    public String description;

    @Column(name = "is_default")
    public boolean defaultPool;

    /** Users who may assign this pool's clients (besides managers and admins). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> admins = new ArrayList<>();

    /** Users who may claim from this pool. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> memberUsers = new ArrayList<>();

    /** Departments (the token's department claim) whose users may claim from this pool. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> memberDepartments = new ArrayList<>();

    /** Claims per user and business day; {@code null}: no limit. */
    public Integer dailyClaimLimit;

    /** Days during which a previous owner cannot claim the client again. */
    public int reclaimCooldownDays;

    /** Days before a recall from which the owner is warned. */
    public int warningDays;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recall_rule", joinColumns = @JoinColumn(name = "pool_id"))
    public List<RecallRule> recallRules = new ArrayList<>();

    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;

    public boolean isAdmin(String userId) {
        return admins.contains(userId);
    }

    /** Whether the user (of department {@code department}, may be {@code null}) may claim from this pool. */
    public boolean isMember(String userId, String department) {
        return memberUsers.contains(userId) || department != null && memberDepartments.contains(department)
                || isAdmin(userId);
    }
}
