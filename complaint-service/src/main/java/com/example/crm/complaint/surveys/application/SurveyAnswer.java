package com.example.crm.complaint.surveys.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A survey answer: by the customer with the survey's token, or by staff (bearer token) from a call. */
public record SurveyAnswer(
        @Schema(description = "the survey token given at resolution; not needed with a staff bearer token") @Size(max = 100) String token,
        @NotNull @Min(1) @Max(5) Integer score,
        @NotNull @Min(1) @Max(10) Integer performance,
        @NotNull @Min(1) @Max(10) Integer expectation,
        @Size(max = 4000) String comment) {
}
