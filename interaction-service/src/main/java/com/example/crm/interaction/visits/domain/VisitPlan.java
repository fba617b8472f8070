package com.example.crm.interaction.visits.domain;

import com.example.crm.interaction.timeline.domain.AttendeeLevel;
import com.example.crm.platform.domain.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A planned visit (访问计划): a day (and maybe a time), a purpose, who goes and at which level. */
@Entity
@Table(name = "visit_plan")
public class VisitPlan extends PanacheEntityBase {

    /** Who made the plan: a user, or the client's cadence. */
    public enum Source { MANUAL, CADENCE }

    @Id
    public UUID id;
    public UUID clientId;

    @Version
    public long version;

    /** The day, in the business time zone. */
    public LocalDate plannedOn;
    /** The time, when one was given. */
    public Instant plannedAt;
    public String purpose;
    public String assigneeId;

    @Enumerated(EnumType.STRING)
    public AttendeeLevel attendeeLevel;

    @Enumerated(EnumType.STRING)
    public VisitPlanStatus status;

    @Enumerated(EnumType.STRING)
    public Source source;

    /** The contact that fulfilled it (DONE). */
    public UUID interactionId;
    public Instant completedAt;
    public Instant missedAt;
    public Instant cancelledAt;
    public String cancelReason;
    public Instant createdAt;
    public String createdBy;

    /** An open plan of a day before {@code today}: shown first on the agenda, and MISSED at the next check. */
    public boolean isOverdue(LocalDate today) {
        return status == VisitPlanStatus.PLANNED && plannedOn.isBefore(today);
    }

    /**
     * Refuses a step the plan's lifecycle does not allow from where it is. Rescheduling ({@code to} PLANNED) keeps
     * a plan PLANNED and is allowed only while it is.
     */
    public void requireTransitionTo(VisitPlanStatus to) {
        boolean allowed = to == VisitPlanStatus.PLANNED ? status == VisitPlanStatus.PLANNED
                : status.allowedNext().contains(to);
        if (!allowed) {
            throw new DomainException.IllegalTransition("a visit plan " + status + " cannot "
                    + (to == VisitPlanStatus.PLANNED ? "be rescheduled" : "become " + to))
                    .with("allowed", status.allowedNext().stream().sorted().toList());
        }
    }

    /** Fulfilled by the contact {@code interactionId}, which must be with the plan's client. */
    public void complete(UUID contactClientId, UUID interactionId, Instant at) {
        if (!contactClientId.equals(clientId)) {
            throw new DomainException.InvalidValue("interactionId", "the contact is with another client");
        }
        requireTransitionTo(VisitPlanStatus.DONE);
        status = VisitPlanStatus.DONE;
        this.interactionId = interactionId;
        completedAt = at;
    }

    public void cancel(Instant at, String reason) {
        requireTransitionTo(VisitPlanStatus.CANCELLED);
        status = VisitPlanStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
    }

    /** Its day passed without a visit. */
    public void miss(Instant at) {
        requireTransitionTo(VisitPlanStatus.MISSED);
        status = VisitPlanStatus.MISSED;
        missedAt = at;
    }
}
