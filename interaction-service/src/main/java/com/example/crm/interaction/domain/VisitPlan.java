package com.example.crm.interaction.domain;

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
}
