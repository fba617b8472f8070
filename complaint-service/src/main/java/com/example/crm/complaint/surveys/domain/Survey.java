package com.example.crm.complaint.surveys.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A satisfaction survey of a resolved complaint (docs/domain.md, "Complaint handling"): overall score 1–5, performance and expectation
 * 1–10; satisfaction gap = performance − expectation.
 */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID complaintId;
    @Column(name = "token_sha256")
    public String tokenSha256;
    public Instant openedAt;
    public Instant answeredAt;
    public String answeredBy;
    public Integer score;
    public Integer performance;
    public Integer expectation;
    public Integer gap;
    public String comment;
}
