package com.example.crm.segmentation.classification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A client's latest classification and the reasons that produced it. */
@Entity
@Table(name = "classification")
public class Classification extends PanacheEntityBase {

    @Id
    public UUID clientId;
    public UUID runId;
    public Instant computedAt;
    public String abcClass;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> abcReason;
    @Column(name = "rfm_r")
    public int rfmR;
    @Column(name = "rfm_f")
    public int rfmF;
    @Column(name = "rfm_m")
    public int rfmM;
    public String rfmSegment;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> rfmReason;
    public String valueTier;
    public String tierReason;
    public int churnScore;
    public String churnRisk;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> churnReason;
}
