package com.example.crm.interaction.visits.api;

import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.visits.application.CadenceService;
import com.example.crm.interaction.visits.application.MissedVisitCheck;
import com.example.crm.interaction.visits.application.VisitPlanInputs;
import com.example.crm.interaction.visits.application.VisitPlanService;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.domain.VisitPlanStatus;
import com.example.crm.interaction.visits.persistence.VisitPlanRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Idempotency;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visit plans", description = "Planned visits (访问计划), cadences, the weekly agenda and prospect development")
public class VisitPlanResource {

    private final VisitPlanService service;
    private final CadenceService cadences;
    private final MissedVisitCheck missedCheck;
    private final VisitPlanMapper mapper;
    private final InteractionConfig config;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public VisitPlanResource(VisitPlanService service, CadenceService cadences, MissedVisitCheck missedCheck,
                             VisitPlanMapper mapper, InteractionConfig config, Idempotency idempotency, CurrentUser user) {
        this.service = service;
        this.cadences = cadences;
        this.missedCheck = missedCheck;
        this.mapper = mapper;
        this.config = config;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Path("clients/{clientId}/visit-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Plan a visit", description = "A day (business time zone) or a time with offset, not in the "
            + "past. A sales rep plans for themselves on clients they own. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "the planned visit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitPlanViews.Plan.class)),
            headers = {
                    @Header(name = "ETag",
                            ref = "ETag"),
                    @Header(name = "Location",
                            ref = "Location"),
                    @Header(name = "Idempotent-Replayed",
                            ref = "Idempotent-Replayed")
            })
    public Response plan(@PathParam("clientId") UUID clientId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @Valid @NotNull VisitPlanInputs.Plan input) {
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            VisitPlan plan = service.plan(clientId, input);
            return new Idempotency.Created(URI.create("/api/v1/visit-plans/" + plan.id), mapper.toView(plan),
                    ETags.of(plan.version));
        });
    }

    @GET
    @Path("visit-plans/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the visit plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitPlanViews.Plan.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(id));
    }

    @GET
    @Path("clients/{clientId}/visit-plans")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's visit plans, earliest first")
    public Page<VisitPlanViews.Plan> list(@PathParam("clientId") UUID clientId, @QueryParam("status") String status,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.list(clientId, QueryParams.enumValue(VisitPlanStatus.class, "status", status),
                Cursor.decode(cursor, 2, keys -> new VisitPlanRepository.After(LocalDate.parse(keys.get(0)),
                        UUID.fromString(keys.get(1)))), size),
                size, mapper::toView, p -> Cursor.encode(p.plannedOn.toString(), p.id.toString()));
    }

    @POST
    @Path("visit-plans/{id}/rescheduling")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Move a planned visit to another day or time; requires If-Match")
    @APIResponse(responseCode = "200", description = "the rescheduled plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitPlanViews.Plan.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull VisitPlanInputs.Reschedule input) {
        return withETag(service.reschedule(id, ETags.expected(ifMatch), input));
    }

    @POST
    @Path("visit-plans/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Complete a plan with the contact that fulfilled it; requires If-Match",
            description = "The client's cadence then plans the next visit. A contact logged with visitPlanId does the same.")
    @APIResponse(responseCode = "200", description = "the completed plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitPlanViews.Plan.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull VisitPlanInputs.Completion input) {
        return withETag(service.complete(id, ETags.expected(ifMatch), input.interactionId()));
    }

    @POST
    @Path("visit-plans/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Cancel a planned visit; requires If-Match")
    @APIResponse(responseCode = "200", description = "the cancelled plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitPlanViews.Plan.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "optional: without a body there is no reason")
            @Valid VisitPlanInputs.Cancellation input) {
        return withETag(service.cancel(id, ETags.expected(ifMatch), input == null ? null : input.reason()));
    }

    @POST
    @Path("visit-plans/missed-check")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Run the missed-visit check now (it also runs hourly): plans of past days become MISSED")
    public Map<String, Integer> missedCheck() {
        return Map.of("missed", missedCheck.run());
    }

    @GET
    @Path("agenda")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "A rep's visit plans for an ISO week, overdue ones first")
    public VisitPlanViews.Agenda agenda(@QueryParam("assignee") @Parameter(description = "default: the caller") String assignee,
                                        @QueryParam("week") @Parameter(description = "ISO week, e.g. 2026-W48; default: this week") String week) {
        String who = QueryParams.text("assignee", assignee, 100);
        return mapper.toView(service.agenda(who == null ? user.id() : who, QueryParams.text("week", week, 10)));
    }

    @GET
    @Path("prospects")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "A rep's prospects (potential and intended clients): visits so far against the target, next plan")
    public Page<VisitPlanViews.Prospect> prospects(@QueryParam("owner") @Parameter(description = "default: the caller") String owner,
                                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String who = QueryParams.text("owner", owner, 100);
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        int target = config.visits().prospectVisitTarget();
        return Page.of(service.prospects(who == null ? user.id() : who, Cursor.decode(cursor, 2,
                        keys -> new KnownClientRepository.ProspectAfter(keys.get(0), UUID.fromString(keys.get(1)))), size),
                size, p -> mapper.toView(p, target), p -> Cursor.encode(p.legalName(), p.clientId().toString()));
    }

    @GET
    @Path("clients/{clientId}/cadence")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The client's revisit cadence (404 when it has none)")
    public VisitPlanViews.Cadence cadence(@PathParam("clientId") UUID clientId) {
        return cadences.get(clientId).map(mapper::toView)
                .orElseThrow(() -> ProblemException.notFound("cadence of client", clientId));
    }

    @PUT
    @Path("clients/{clientId}/cadence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Set the cadence by hand (it wins over segmentation's default)",
            description = "Every intervalDays days (presets 20, 40, 60, 80) or weekly (optionally on dayOfWeek). "
                    + "A client with a cadence and no open plan gets its next visit planned.")
    public VisitPlanViews.Cadence setCadence(@PathParam("clientId") UUID clientId,
                                             @Valid @NotNull VisitPlanInputs.Cadence input) {
        return mapper.toView(cadences.setManual(clientId, input));
    }

    @DELETE
    @Path("clients/{clientId}/cadence")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Remove the manual cadence; a KEY-tier client falls back to the weekly default")
    @APIResponse(responseCode = "200", description = "the segment default cadence that applies now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitPlanViews.Cadence.class)))
    @APIResponse(responseCode = "204", description = "client has no cadence any more")
    public Response clearCadence(@PathParam("clientId") UUID clientId) {
        return cadences.clearManual(clientId).map(c -> Response.ok(mapper.toView(c)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    private Response withETag(VisitPlan plan) {
        return Response.ok(mapper.toView(plan)).header(HttpHeaders.ETAG, ETags.of(plan.version)).build();
    }
}
