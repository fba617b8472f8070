package com.example.crm.segmentation.analyses.api;

import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.example.crm.segmentation.analyses.application.AnalysisService;
import com.example.crm.segmentation.analyses.persistence.AnalysisRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analyses", description = "Time allocation, best and worst clients, retention, prospect pipeline")
public class AnalysisResource {

    private final AnalysisService service;
    private final CurrentUser user;

    public AnalysisResource(AnalysisService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("allocation")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Recommended weekly hours per client of a rep (docs/domain.md#segments-and-analyses: 60% key, 30% ordinary, 10% prospects)")
    public AnalysisService.Allocation allocation(
            @QueryParam("owner") @Parameter(description = "default: the caller") String owner,
            @QueryParam("weeklyHours") @Parameter(description = "default 40") String weeklyHours) {
        Integer hours = QueryParams.intValue("weeklyHours", weeklyHours);
        return service.allocation(who(owner), hours == null ? 40 : hours);
    }

    @GET
    @Path("best-worst")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The best and worst clients by revenue minus cost to serve (docs/domain.md#segments-and-analyses), overall or per owner")
    public BestWorst bestWorst(@QueryParam("owner") String owner, @QueryParam("n") @Parameter(description = "default 10, at most 100") String n) {
        Integer count = QueryParams.intValue("n", n);
        int size = count == null ? 10 : count;
        if (size < 1 || size > 100) {
            throw ProblemException.invalid("n", "must be between 1 and 100");
        }
        String who = QueryParams.text("owner", owner, 100);
        return new BestWorst(service.byNetValue(who, true, size), service.byNetValue(who, false, size));
    }

    public record BestWorst(List<AnalysisRepository.ClientValue> best, List<AnalysisRepository.ClientValue> worst) {
    }

    @GET
    @Path("lapsed")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Lapsed clients: existing, no order for N days (default 180), longest lapsed first; cursor pages")
    public Page<AnalysisRepository.Lapsed> lapsed(@QueryParam("owner") String owner, @QueryParam("days") String days,
                                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        AnalysisRepository.Lapsed after = Cursor.decode(cursor, 2, keys -> new AnalysisRepository.Lapsed(
                UUID.fromString(keys.get(1)), null, null, Instant.parse(keys.get(0)), 0));
        return Page.of(service.lapsed(QueryParams.text("owner", owner, 100), QueryParams.intValue("days", days), after,
                size), size, l -> l, l -> Cursor.encode(l.lastOrderAt().toString(), l.clientId().toString()));
    }

    @GET
    @Path("retention")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The leaky bucket by month (docs/domain.md#segments-and-analyses): gained, lost, retention rate, revenue share of existing clients")
    public List<AnalysisService.RetentionMonth> retention(@QueryParam("months") @Parameter(description = "default 12") String months) {
        Integer m = QueryParams.intValue("months", months);
        return service.retention(m == null ? 12 : m);
    }

    @GET
    @Path("prospects")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A rep's prospects with revisit buckets (20/40/60/80 days) and keep/pause/drop, and pipeline health")
    public AnalysisService.Pipeline prospects(@QueryParam("owner") @Parameter(description = "default: the caller") String owner) {
        return service.pipeline(who(owner));
    }

    private String who(String owner) {
        String given = QueryParams.text("owner", owner, 100);
        return given == null ? user.id() : given;
    }
}
