package com.example.crm.complaint.surveys.api;

import com.example.crm.complaint.surveys.domain.Survey;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

import java.time.Instant;
import java.util.UUID;

/** A complaint's satisfaction survey as the API shows it. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface SurveyMapper {

    record SurveyView(UUID id, UUID complaintId, Instant openedAt, Instant answeredAt, String answeredBy, Integer score,
                      Integer performance, Integer expectation, Integer gap, String comment) {
    }

    SurveyView toView(Survey s);
}
