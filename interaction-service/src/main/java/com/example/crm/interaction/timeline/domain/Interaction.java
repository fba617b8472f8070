package com.example.crm.interaction.timeline.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One contact with a client: a visit (possibly with a check-in), a call, an e-mail, a meeting, ... */
@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID clientId;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public InteractionKind kind;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public Instant occurredAt;
    public Integer durationMinutes;
    public String staffId;

    @Enumerated(EnumType.STRING)
    public AttendeeLevel attendeeLevel;

    public UUID contactPersonId;
    public String contactName;
    public String subject;
    public String notes;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String nextStep;
    public LocalDate nextContactOn;

    public BigDecimal checkInLatitude;
    public BigDecimal checkInLongitude;
    public String checkInAddress;
    public Instant checkInAt;

    public Instant createdAt;
    public String createdBy;
}
