package com.example.crm.complaint.handling.domain;

import com.example.crm.platform.domain.DomainException;
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

    /** Refuses a step this complaint's status does not allow next (the allowed ones named). */
    public void requireTransitionTo(ComplaintStatus to) {
        if (!status.allowedNext().contains(to)) {
            throw new DomainException.IllegalTransition("a " + status + " complaint cannot become " + to)
                    .with("allowed", status.allowedNext().stream().sorted().toList());
        }
    }

    /** Resolving needs the investigation's root cause: what was wrong is known before it is called fixed. */
    public void requireRootCause() {
        if (investigation == null || investigation.rootCause() == null) {
            throw new DomainException.RuleViolation(
                    "a complaint is resolved only after its investigation found a root cause (PUT .../investigation)");
        }
    }

    /** What the customer is given is recorded once the complaint was acknowledged. */
    public void requireAcknowledgedForCompensation() {
        if (status == ComplaintStatus.RECEIVED) {
            throw new DomainException.IllegalTransition("acknowledge the complaint before compensating");
        }
    }

    /** Only an acknowledged, open complaint waits on the customer. */
    public void requireCanWait() {
        if (status != ComplaintStatus.ACKNOWLEDGED && status != ComplaintStatus.INVESTIGATING
                && status != ComplaintStatus.REOPENED) {
            throw new DomainException.IllegalTransition(
                    "only an acknowledged, open complaint waits on the customer (it is " + status + ")");
        }
    }

    /** The severity of a resolved or closed complaint is final. */
    public void requireOpenForSeverityChange() {
        if (!status.isOpen()) {
            throw new DomainException.Conflict("the severity of a " + status + " complaint is final");
        }
    }

    public boolean firstResponseClockRuns() {
        return acknowledgedAt == null && status == ComplaintStatus.RECEIVED;
    }

    public boolean resolutionClockRuns() {
        return status.isOpen() && !waitingOnCustomer;
    }
}
