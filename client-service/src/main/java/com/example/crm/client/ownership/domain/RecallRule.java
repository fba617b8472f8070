package com.example.crm.client.ownership.domain;

import com.example.crm.client.card.domain.SegmentFields;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recall rule of a pool. {@code daysByAbcClass} and {@code daysByValueTier} replace {@code days} for clients of
 * that class or tier (the longer wins when both apply); {@code exemptWithDeal} spares clients with a deal.
 */
@Embeddable
public class RecallRule {

    @Enumerated(EnumType.STRING)
    public RecallRuleKind kind;

    public int days;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<SegmentFields.AbcClass, Integer> daysByAbcClass = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<SegmentFields.ValueTier, Integer> daysByValueTier = new LinkedHashMap<>();

    public boolean exemptWithDeal;
}
