package com.example.crm.complaint.knowledge.domain;

import com.example.crm.complaint.handling.domain.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A known answer to a kind of complaint (the solution knowledge base of docs/domain.md, "Complaint handling"). */
@Entity
@Table(name = "solution")
public class Solution extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    public String title;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String symptoms;
    public String answer;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    /** How many complaints were resolved with it. */
    public int usageCount;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
}
