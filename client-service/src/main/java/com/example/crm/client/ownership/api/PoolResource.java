package com.example.crm.client.ownership.api;

import com.example.crm.client.card.domain.VisibleBecause;

import com.example.crm.client.card.api.ClientMapper;
import com.example.crm.client.card.api.ClientView;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.ownership.application.OwnershipService;
import com.example.crm.client.ownership.application.PoolInput;
import com.example.crm.client.ownership.application.PoolService;
import com.example.crm.client.ownership.application.RecallJob;
import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Page;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Public pools (公海): their settings, their clients, claims and assignments, and recall runs. */
@Path("/api/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Public pools (公海), claims, recall, caps and locks")
public class PoolResource {

    private final PoolService pools;
    private final OwnershipService ownership;
    private final RecallJob recall;
    private final PoolMapper mapper;
    private final ClientMapper clients;
    private final CurrentUser user;

    public PoolResource(PoolService pools, OwnershipService ownership, RecallJob recall, PoolMapper mapper,
                        ClientMapper clients, CurrentUser user) {
        this.pools = pools;
        this.ownership = ownership;
        this.recall = recall;
        this.mapper = mapper;
        this.clients = clients;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "The pools: all for managers, admins and auditors; else those the caller belongs to and the default")
    public List<PoolView> list() {
        return pools.visible().stream()
                .map(p -> mapper.toView(p, pools.clientCount(p.id))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Create a pool with its members, admins, claim and recall rules")
    @APIResponse(responseCode = "201", description = "the new pool",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolView.class)),
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")})
    public Response create(@Valid @NotNull PoolInput input) {
        Pool pool = pools.create(input);
        return Response.created(URI.create("/api/v1/pools/" + pool.id)).entity(mapper.toView(pool, 0))
                .header(HttpHeaders.ETAG, ETags.of(pool.version)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the pool",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        return withETag(pools.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Replace a pool's settings", description = "Requires If-Match. Its clients stay.")
    @APIResponse(responseCode = "200", description = "the pool as replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PoolInput input) {
        return withETag(pools.replace(id, ETags.expected(ifMatch), input));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Remove a pool that governs no client", description = "Requires If-Match; 409 while clients use it.")
    @APIResponse(responseCode = "204", description = "done; no body")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        pools.delete(id, ETags.expected(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/clients")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "The clients sitting in the pool, latest entries first",
            description = "Members, managers, admins and auditors. Each card shows since when and why it is in the pool; "
                    + "its history, contacts and orders stay readable.")
    public Page<ClientView> clients(@PathParam("id") UUID id,
                                    @QueryParam("limit") @Parameter(description = "1 to 200, default 50") String limit,
                                    @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        List<Client> page = pools.clientsIn(id, user.hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR),
                Cursor.decode(cursor, 2, keys -> new ClientRepository.After(Instant.parse(keys.get(0)),
                        UUID.fromString(keys.get(1)))), size);
        return Page.of(page, size, c -> clients.toView(c, VisibleBecause.POOL, user.isSupervisor()),
                c -> Cursor.encode(c.poolEnteredAt.toString(), c.id.toString()));
    }

    @POST
    @Path("{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Claim a client of the pool (领取)",
            description = "Pool members. 409 when it was taken meanwhile, within the previous-owner cool-down, beyond "
                    + "the caller's ownership cap or the pool's daily claim limit (the problem states which and the figures).")
    @APIResponse(responseCode = "200", description = "where the client stands now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response claim(@PathParam("id") UUID id, @Valid @NotNull OwnershipRequests.Claim request) {
        return OwnershipView.ok(ownership.claim(id, request.clientId()));
    }

    @POST
    @Path("{id}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Assign a client of the pool to a rep (分配)",
            description = "Pool admins, managers and admins; the rep's ownership cap applies.")
    @APIResponse(responseCode = "200", description = "where the client stands now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull OwnershipRequests.Assign request) {
        return OwnershipView.ok(ownership.assign(id, request.clientId(), request.ownerId(), request.department(),
                request.reason()));
    }

    @POST
    @Path("recall-runs")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Run the automatic recall now (it also runs hourly)",
            description = "Recalls what the pools' rules select and sends due warnings; safe next to a scheduled run.")
    public RecallJob.Run runRecall() {
        return recall.run();
    }

    private Response withETag(Pool pool) {
        return Response.ok(mapper.toView(pool, pools.clientCount(pool.id)))
                .header(HttpHeaders.ETAG, ETags.of(pool.version)).build();
    }
}
