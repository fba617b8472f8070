package com.example.crm.segmentation.classification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One classification run: when, why, how many clients, how many changed, counts per class/tier/risk. */
@Entity
@Table(name = "classification_run")
public class ClassificationRun extends PanacheEntityBase {

    @Id
    public UUID id;
    /** SCHEDULE or API. */
    public String trigger;
    public Instant startedAt;
    public Instant finishedAt;
    public String status;
    public Integer clients;
    public Integer changed;
    @JdbcTypeCode(SqlTypes.JSON)
    public java.util.Map<String, Object> counts;
    public Long durationMs;
}
