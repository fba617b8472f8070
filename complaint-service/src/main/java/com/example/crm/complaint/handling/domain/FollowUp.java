package com.example.crm.complaint.handling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up action after a complaint (step 4 of docs/domain.md, "Complaint handling"), due on a day. */
@Entity
@Table(name = "complaint_follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID complaintId;
    public String action;
    public LocalDate dueOn;
    public String assigneeId;
    public Instant doneAt;
    public Instant createdAt;
}
