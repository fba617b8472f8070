package com.example.crm.complaint.knowledge.api;

import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.knowledge.domain.Solution;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A known answer of the knowledge base as the API shows it. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface SolutionMapper {

    record SolutionView(UUID id, long version, String title, Category category, String symptoms, String answer,
                        List<String> tags, int usageCount, Instant createdAt, String createdBy, Instant updatedAt) {
    }

    SolutionView toView(Solution s);
}
