package com.example.crm.complaint.handling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One thing that happened to a complaint: a transition, a handling step, an escalation, a breach, a survey. */
@Entity
@Table(name = "complaint_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID complaintId;
    public Instant at;
    public String actor;
    public String action;
    @Enumerated(EnumType.STRING)
    public ComplaintStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ComplaintStatus toStatus;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;
}
