package com.example.crm.client.card.api;

import com.example.crm.client.card.application.CardMerge;
import com.example.crm.client.card.application.CardRemoval;
import com.example.crm.client.card.application.ClientInput;
import com.example.crm.client.card.application.CardAccess;
import com.example.crm.client.card.application.ClientService;
import com.example.crm.client.card.domain.VisibleBecause;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.history.api.HistoryEntryView;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Idempotency;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.json.MergePatch;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "The customer profile card")
public class ClientResource {

    private static final String PATCH_EXAMPLE = "{\"phone\":\"+86 571 8808 5678\",\"tags\":[\"华东\",\"重点\"],\"website\":null}";

    private final ClientService service;
    private final CardMerge merges;
    private final CardRemoval removals;
    private final ClientMapper mapper;
    private final Idempotency idempotency;
    private final CurrentUser user;
    private final CardAccess access;

    public ClientResource(ClientService service, CardMerge merges, CardRemoval removals, ClientMapper mapper,
                          Idempotency idempotency, CurrentUser user, CardAccess access) {
        this.access = access;
        this.service = service;
        this.merges = merges;
        this.removals = removals;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Register a client", description = "The caller becomes its owner. A retry with the same "
            + "Idempotency-Key and body returns the first response. Possible duplicates (same credit code or phone, "
            + "similar name) are refused with 409 and the ranked candidates.")
    @APIResponse(responseCode = "201", description = "the registered card",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")})
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @QueryParam("allowDuplicate") @Parameter(description = "register even if similar names or "
                                   + "the same phone exist (never for a credit code in use)") String allowDuplicate,
                           @Valid @NotNull ClientInput input) {
        boolean allow = Boolean.TRUE.equals(QueryParams.booleanValue("allowDuplicate", allowDuplicate));
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            Client client = service.register(input, allow);
            return new Idempotency.Created(URI.create("/api/v1/clients/" + client.id), view(client), ETags.of(client.version));
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Read a client's card", description = "The ETag is needed as If-Match for changes.")
    @APIResponse(responseCode = "200", description = "the card",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Change a client's card with a JSON merge patch (RFC 7396)",
            description = "Requires If-Match. Read-only fields (id, version, status, owner, segment) are rejected.")
    @APIResponse(responseCode = "200", description = "the changed card",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @RequestBody(required = true, description = "a JSON merge patch (RFC 7396): any subset of ClientInput's fields; null "
            + "removes a value", content = {
            @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT), example = PATCH_EXAMPLE),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), example = PATCH_EXAMPLE)})
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @QueryParam("reason") @Parameter(description = "why, kept in the card's history") String reason,
                          @NotNull JsonNode patch) {
        return withETag(service.patch(id, ETags.expected(ifMatch), patch, QueryParams.text("reason", reason, 500)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Move a client to another lifecycle status",
            description = "POTENTIAL → INTENDED → EXISTING → TERMINATED, and TERMINATED → INTENDED. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "the card in its new status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionRequest request) {
        return withETag(service.transition(id, ETags.expected(ifMatch), request.to(), request.reason()));
    }

    @POST
    @Path("{id}/verification")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Record that the card was re-verified", description = "Moves reviewDueAt one review interval ahead. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "the card with its next review date",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response verify(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.verify(id, ETags.expected(ifMatch)));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Search clients, newest first",
            description = "Cursor pagination: pass nextCursor back as cursor. Filters combine with AND.")
    public Page<ClientView> list(@BeanParam ClientFilterParams filters,
                                 @QueryParam("limit") @Parameter(description = "1 to 200, default 50") String limit,
                                 @QueryParam("cursor") String cursor) {
        var filter = filters.toFilter();
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        List<Client> found = service.list(filter, Cursor.decode(cursor, 2, keys -> new ClientRepository.After(
                Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)))), size);
        Map<UUID, VisibleBecause> reasons = access.why(found);
        return Page.of(found, size, c -> mapper.toView(c, reasons.get(c.id), user.isSupervisor()),
                c -> Cursor.encode(c.createdAt.toString(), c.id.toString()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/merge")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Merge a duplicate into this client",
            description = "This card survives and takes the duplicate's values where it has none; contact persons "
                    + "and history move over; the duplicate is deleted. Requires If-Match of this card.")
    @APIResponse(responseCode = "200", description = "the surviving card",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response merge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull CardRequests.Merge request) {
        return withETag(merges.merge(id, ETags.expected(ifMatch), request.duplicateId(), request.reason()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Delete a client (soft: an admin can restore it)", description = "Requires If-Match.")
    @APIResponse(responseCode = "204", description = "(an admin can restore it)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @QueryParam("reason") String reason) {
        removals.delete(id, ETags.expected(ifMatch), QueryParams.text("reason", reason, 500));
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/restore")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Restore a deleted client")
    @APIResponse(responseCode = "200", description = "the restored card",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response restore(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "optional: without a body there is no reason")
            @Valid CardRequests.Reason request) {
        return withETag(removals.restore(id, request == null ? null : request.reason()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/erasure")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a client's personal data irreversibly",
            description = "Contact persons are removed and personal fields scrubbed, in the card and its history; "
                    + "figures stay. Emits crm.client.erased.v1 so that every service scrubs its copy.")
    @APIResponse(responseCode = "200", description = "the erased card",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response erase(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "optional: without a body there is no reason")
            @Valid CardRequests.Reason request) {
        return withETag(removals.erase(id, request == null ? null : request.reason()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The card's field-level history, newest first")
    public Page<HistoryEntryView> history(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.history(id, Cursor.decode(cursor, 1, keys -> Long.valueOf(keys.get(0))), size), size,
                e -> mapper.toView(e, user.isSupervisor()), e -> Cursor.encode(e.id.toString()));
    }

    private Response withETag(Client client) {
        return Response.ok(view(client)).header(HttpHeaders.ETAG, ETags.of(client.version)).build();
    }

    private ClientView view(Client client) {
        return mapper.toView(client, access.why(client).orElse(null), user.isSupervisor());
    }
}
