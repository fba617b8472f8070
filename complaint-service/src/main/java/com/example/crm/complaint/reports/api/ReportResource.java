package com.example.crm.complaint.reports.api;

import com.example.crm.complaint.reports.application.ReportService;
import com.example.crm.complaint.reports.persistence.ReportRepository;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "SLA compliance, satisfaction and repeat complainers")
public class ReportResource {

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    /** A report over [from, to) with its groups. */
    public record Report<T>(ReportService.Period period, List<T> groups) {
    }

    @GET
    @Path("sla")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.AUDITOR})
    @Operation(summary = "SLA compliance rate and times to first response and resolution (mean, p50, p90 minutes), "
            + "overall, by category and by severity, for complaints received in [from, to) (default: 30 days)")
    public Report<ReportService.SlaGroup> sla(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportService.Period period = service.period(QueryParams.instantValue("from", from), QueryParams.instantValue("to", to));
        return new Report<>(period, service.sla(period));
    }

    @GET
    @Path("satisfaction")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.AUDITOR})
    @Operation(summary = "CSAT (share of scores 4-5) and average satisfaction gap, overall, by category and by assignee")
    public Report<ReportService.SatisfactionGroup> satisfaction(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportService.Period period = service.period(QueryParams.instantValue("from", from), QueryParams.instantValue("to", to));
        return new Report<>(period, service.satisfaction(period));
    }

    @GET
    @Path("repeat-complainers")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.AUDITOR})
    @Operation(summary = "Clients with 3 or more complaints in the last 90 days (configurable), most first")
    public List<ReportRepository.RepeatComplainer> repeatComplainers() {
        return service.repeatComplainers(200);
    }
}
