package com.example.crm.complaint.handling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A complaint (case): intake, the handling steps of docs/domain.md, "Complaint handling", its SLA clocks and escalation level. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Human-readable number, e.g. CMP-2026-000042. */
    public String number;
    public UUID clientId;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public String subject;
    /** The customer's own words. */
    public String customerWords;
    public UUID orderId;
    public Instant receivedAt;
    public String assigneeId;

    @Enumerated(EnumType.STRING)
    public ComplaintStatus status;
    public boolean waitingOnCustomer;
    public Instant waitingSince;

    public String slaPolicy;
    @Column(name = "first_response_target_s")
    public long firstResponseTargetSeconds;
    @Column(name = "resolution_target_s")
    public long resolutionTargetSeconds;
    public Instant resolutionClockStart;
    @Column(name = "resolution_paused_s")
    public long resolutionPausedSeconds;
    public Instant firstResponseDueAt;
    public Instant resolutionDueAt;
    public int firstResponseStage;
    public int resolutionStage;
    @Enumerated(EnumType.STRING)
    public EscalationLevel escalationLevel = EscalationLevel.NONE;
    public boolean firstResponseBreached;
    public boolean resolutionBreached;
    public Instant nextEscalationAt;

    public Instant acknowledgedAt;
    public Instant resolvedAt;
    public Instant closedAt;
    public int reopenCount;

    @JdbcTypeCode(SqlTypes.JSON)
    public Acknowledgement acknowledgement;
    @JdbcTypeCode(SqlTypes.JSON)
    public Investigation investigation;
    @JdbcTypeCode(SqlTypes.JSON)
    public Resolution resolution;
    public UUID solutionId;

    @Enumerated(EnumType.STRING)
    public CompensationType compensationType;
    public BigDecimal compensationAmount;
    public String compensationCurrency;

    public Instant createdAt;
    public String createdBy;

    /** Step 1 (listened): the customer's account as acknowledged to them. */
    public record Acknowledgement(String customerAccount, String by, Instant at) {
    }

    /** Step 2 (investigated): the root cause, what was found and what the customer was told. */
    public record Investigation(RootCause rootCause, String finding, String toldCustomer, String by, Instant at) {
    }

    /** Step 3 (resolved): the apology, the resolution the customer asked for and the one given. */
    public record Resolution(boolean apologyGiven, String preferredResolution, String resolution, String by,
                             Instant at) {
    }

    public boolean firstResponseClockRuns() {
        return acknowledgedAt == null && status == ComplaintStatus.RECEIVED;
    }

    public boolean resolutionClockRuns() {
        return status.isOpen() && !waitingOnCustomer;
    }
}
