package com.example.crm.client.ownership.api;

import com.example.crm.client.card.domain.SegmentFields;
import com.example.crm.client.ownership.domain.RecallRuleKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pool as the API shows it, with the number of clients sitting in it. */
public record PoolView(UUID id, long version, String name, String description, boolean defaultPool,
                       List<String> admins, List<String> memberUsers, List<String> memberDepartments,
                       Integer dailyClaimLimit, int reclaimCooldownDays, int warningDays,
                       List<RecallRuleView> recallRules, long clientsInPool, Instant createdAt, String createdBy,
                       Instant updatedAt) {

    public record RecallRuleView(RecallRuleKind kind, int days, Map<SegmentFields.AbcClass, Integer> daysByAbcClass,
                                 Map<SegmentFields.ValueTier, Integer> daysByValueTier, boolean exemptWithDeal) {
    }
}
