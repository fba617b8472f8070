package com.example.crm.segmentation.classification.api;

import com.example.crm.segmentation.classification.domain.Classification;
import com.example.crm.segmentation.classification.domain.ClassificationRun;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface SegmentationMapper {

    default ClassificationView toView(Classification c) {
        return new ClassificationView(c.clientId, c.runId, c.computedAt,
                new ClassificationView.Abc(c.abcClass, c.abcReason),
                new ClassificationView.Rfm(c.rfmR, c.rfmF, c.rfmM, "" + c.rfmR + c.rfmF + c.rfmM, c.rfmSegment, c.rfmReason),
                new ClassificationView.Tier(c.valueTier, c.tierReason),
                new ClassificationView.Churn(c.churnScore, c.churnRisk, c.churnReason));
    }

    record RunView(UUID id, String trigger, Instant startedAt, Instant finishedAt, String status, Integer clients,
                   Integer changed, Map<String, Object> counts, Long durationMs) {
    }

    RunView toView(ClassificationRun run);
}
