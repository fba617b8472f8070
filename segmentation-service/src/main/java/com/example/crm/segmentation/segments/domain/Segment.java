package com.example.crm.segmentation.segments.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A rule-based segment: a name, a rule tree, its members after the latest evaluation. */
@Entity
@Table(name = "segment")
public class Segment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode rule;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public Instant evaluatedAt;
    public int members;
}
