package com.example.crm.complaint.surveys.api;

import com.example.crm.complaint.surveys.application.SurveyAnswer;
import com.example.crm.complaint.surveys.application.SurveyService;
import com.example.crm.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/complaints/{id}/survey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Satisfaction surveys", description = "Satisfaction = performance - expectation (docs/domain.md#complaint-handling)")
public class SurveyResource {

    private final SurveyService service;
    private final SurveyMapper mapper;
    private final SecurityIdentity identity;

    public SurveyResource(SurveyService service, SurveyMapper mapper, SecurityIdentity identity) {
        this.service = service;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "The complaint's latest survey and its answer")
    public SurveyMapper.SurveyView get(@PathParam("id") UUID id) {
        return mapper.toView(service.latest(id));
    }

    @POST
    @Path("answer")
    @PermitAll
    @SecurityRequirementsSet({}) // the customer: no bearer token, the survey token in the body
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer")) // staff entering an answer from a call
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the survey, once", description = "The customer-facing system sends the survey token "
            + "given at resolution (no bearer token needed); staff entering an answer from a call use their bearer "
            + "token. A score of 2 or less reopens the complaint and escalates it one level.")
    public SurveyMapper.SurveyView answer(@PathParam("id") UUID id, @Valid @NotNull SurveyAnswer input) {
        return mapper.toView(service.answer(id, input, !identity.isAnonymous()));
    }

    @POST
    @Path("token")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE})
    @Operation(summary = "Issue a new token for the open survey (the previous one stops working)")
    public Map<String, String> reissue(@PathParam("id") UUID id) {
        return Map.of("surveyToken", service.reissue(id));
    }
}
