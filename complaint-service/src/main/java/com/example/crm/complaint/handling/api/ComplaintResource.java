package com.example.crm.complaint.handling.api;

import com.example.crm.complaint.handling.application.ComplaintCommands;
import com.example.crm.complaint.handling.application.ComplaintService;
import com.example.crm.complaint.handling.application.EscalationService;
import com.example.crm.complaint.handling.application.FollowUps;
import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.EscalationLevel;
import com.example.crm.complaint.handling.domain.Severity;
import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Idempotency;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The complaints' HTTP edge: each operation validates, calls one application method and maps the answer. About 300
 * lines because each of the complaint's steps is one operation whose OpenAPI annotations (statuses, bodies, headers)
 * are the contract; the rules are in {@link ComplaintService} and the {@code Complaint} entity.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Complaints from intake to closing, with SLA clocks and escalation")
public class ComplaintResource {

    private final ComplaintService service;
    private final EscalationService escalations;
    private final FollowUps followUps;
    private final ComplaintMapper mapper;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public ComplaintResource(ComplaintService service, EscalationService escalations, FollowUps followUps,
                             ComplaintMapper mapper, Idempotency idempotency, CurrentUser user) {
        this.service = service;
        this.escalations = escalations;
        this.followUps = followUps;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Path("complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Take in a complaint", description = "Its SLA targets follow the severity and the client's "
            + "tier (KEY or class A: stricter). A client created in client-service is known here within a second; "
            + "before that the answer is 404 with \"retryable\": true. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "the received complaint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = {
                    @Header(name = "ETag",
                            ref = "ETag"),
                    @Header(name = "Location",
                            ref = "Location"),
                    @Header(name = "Idempotent-Replayed",
                            ref = "Idempotent-Replayed")
            })
    @APIResponse(responseCode = "404", description = "The client is not known here (yet: retryable true)")
    public Response intake(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ComplaintCommands.Intake input) {
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            Complaint c = service.intake(input);
            return new Idempotency.Created(URI.create("/api/v1/complaints/" + c.id), mapper.toView(c), ETags.of(c.version));
        });
    }

    @GET
    @Path("complaints/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the complaint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(id));
    }

    @GET
    @Path("complaints")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Complaints, newest first, with filters")
    public Page<ComplaintView> list(@QueryParam("status") String status, @QueryParam("category") String category,
                                    @QueryParam("severity") String severity, @QueryParam("assigneeId") String assignee,
                                    @QueryParam("clientId") String clientId,
                                    @QueryParam("breached") @Parameter(description = "either clock breached") String breached,
                                    @QueryParam("escalationLevel") String level,
                                    @QueryParam("from") @Parameter(description = "received at or after (ISO 8601)") String from,
                                    @QueryParam("to") @Parameter(description = "received before (ISO 8601)") String to,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ComplaintRepository.Filter filter = new ComplaintRepository.Filter(
                QueryParams.enumValue(ComplaintStatus.class, "status", status),
                QueryParams.enumValue(Category.class, "category", category),
                QueryParams.enumValue(Severity.class, "severity", severity),
                QueryParams.text("assigneeId", assignee, 100), QueryParams.uuidValue("clientId", clientId),
                QueryParams.booleanValue("breached", breached),
                QueryParams.enumValue(EscalationLevel.class, "escalationLevel", level),
                QueryParams.instantValue("from", from), QueryParams.instantValue("to", to));
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        ComplaintRepository.After after = Cursor.decode(cursor, 2,
                keys -> new ComplaintRepository.After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1))));
        return Page.of(service.list(filter, after, size), size, mapper::toView,
                c -> Cursor.encode(c.receivedAt.toString(), c.id.toString()));
    }

    @GET
    @Path("complaints/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "What happened to the complaint, oldest first: transitions with actor, steps, escalations")
    public Page<ComplaintMapper.HistoryView> history(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                                     @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.history(id, Cursor.decode(cursor, 1, keys -> Long.valueOf(keys.get(0))), size), size, mapper::toView,
                e -> Cursor.encode(e.id.toString()));
    }

    @PUT
    @Path("complaints/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Step 1, listened: record the customer's account and acknowledge (stops the first-response clock); If-Match")
    @APIResponse(responseCode = "200", description = "the acknowledged complaint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ComplaintCommands.Acknowledgement input) {
        return withETag(service.acknowledge(id, ETags.expected(ifMatch), input));
    }

    @PUT
    @Path("complaints/{id}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Step 2, investigated: root cause, finding, what the customer was told; If-Match")
    @APIResponse(responseCode = "200", description = "the complaint with its investigation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response investigate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ComplaintCommands.Investigation input) {
        return withETag(service.investigate(id, ETags.expected(ifMatch), input));
    }

    @POST
    @Path("complaints/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Step 3, resolved: apology, the customer's preferred resolution, the resolution; If-Match",
            description = "Needs the investigation's root cause (422 otherwise). Opens the satisfaction survey; the "
                    + "answer carries its token once (reissue: POST .../survey/token).")
    @APIResponse(responseCode = "200", description = "the resolved complaint and the survey token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.Resolved.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ComplaintCommands.Resolution input) {
        ComplaintService.Resolved resolved = service.resolve(id, ETags.expected(ifMatch), input);
        return Response.ok(new ComplaintView.Resolved(mapper.toView(resolved.complaint()), resolved.surveyToken()))
                .header(HttpHeaders.ETAG, ETags.of(resolved.complaint().version)).build();
    }

    @PUT
    @Path("complaints/{id}/compensation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Step 4, follow-up: the compensation given (type and amount); If-Match")
    @APIResponse(responseCode = "200", description = "the complaint with its compensation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response compensate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull ComplaintCommands.Compensation input) {
        return withETag(service.compensate(id, ETags.expected(ifMatch), input));
    }

    @POST
    @Path("complaints/{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Step 4, follow-up: an action due on a day")
    @APIResponse(responseCode = "201", description = "the follow-up",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintMapper.FollowUpView.class)),
            headers = @Header(name = "Location",
                    ref = "Location"))
    public Response addFollowUp(@PathParam("id") UUID id, @Valid @NotNull ComplaintCommands.FollowUp input) {
        var followUp = followUps.add(id, input);
        return Response.created(URI.create("/api/v1/complaints/" + id + "/follow-ups")).entity(mapper.toView(followUp))
                .build();
    }

    @GET
    @Path("complaints/{id}/follow-ups")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.AUDITOR})
    public List<ComplaintMapper.FollowUpView> followUps(@PathParam("id") UUID id) {
        return followUps.of(id).stream().map(mapper::toView).toList();
    }

    @POST
    @Path("follow-ups/{id}/done")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Mark a follow-up action done (repeating it changes nothing)")
    public ComplaintMapper.FollowUpView completeFollowUp(@PathParam("id") UUID id) {
        return mapper.toView(followUps.complete(id));
    }

    @POST
    @Path("complaints/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Close, reopen, or start investigating; If-Match", description = "Illegal transitions are "
            + "409 with the allowed ones. Reopening starts a new resolution clock.")
    @APIResponse(responseCode = "200", description = "the complaint in its new status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull ComplaintCommands.Transition input) {
        return withETag(service.transition(id, ETags.expected(ifMatch), input));
    }

    @PUT
    @Path("complaints/{id}/waiting")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES})
    @Operation(summary = "Waiting on the customer (pauses the resolution clock) or not (resumes it); If-Match")
    @APIResponse(responseCode = "200", description = "the complaint with its clock paused or resumed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response waiting(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ComplaintCommands.Waiting input) {
        return withETag(service.setWaiting(id, ETags.expected(ifMatch), input.waiting()));
    }

    @PUT
    @Path("complaints/{id}/severity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE})
    @Operation(summary = "Change the severity (the SLA targets follow); If-Match")
    @APIResponse(responseCode = "200", description = "the complaint with its new severity",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response severity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull ComplaintCommands.SeverityChange input) {
        return withETag(service.changeSeverity(id, ETags.expected(ifMatch), input));
    }

    @PUT
    @Path("complaints/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE})
    @Operation(summary = "Assign the complaint; If-Match")
    @APIResponse(responseCode = "200", description = "the complaint with its new handler",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response assign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ComplaintCommands.Assignment input) {
        return withETag(service.assign(id, ETags.expected(ifMatch), input.assigneeId()));
    }

    @POST
    @Path("complaints/escalation-scan")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Run the escalation scan now (it runs every minute): the SLA steps taken")
    public java.util.Map<String, Integer> escalationScan() {
        return java.util.Map.of("steps", escalations.scan());
    }

    private Response withETag(Complaint c) {
        return Response.ok(mapper.toView(c)).header(HttpHeaders.ETAG, ETags.of(c.version)).build();
    }
}
