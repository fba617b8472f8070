package com.example.crm.client.ownership.api;

import com.example.crm.client.card.api.ClientMapper;
import com.example.crm.client.card.api.ClientView;
import com.example.crm.client.card.application.CardAccess;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.ownership.application.ClientLocks;
import com.example.crm.client.ownership.application.OwnershipService;
import com.example.crm.client.ownership.application.Standings;
import com.example.crm.platform.api.ETags;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A client's ownership: where it stands and why, returning it to a pool, locking it. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Public pools (公海), claims, recall, caps and locks")
public class OwnershipResource {

    private final OwnershipService ownership;
    private final ClientLocks locks;
    private final Standings standings;
    private final ClientMapper cards;
    private final CurrentUser user;
    private final CardAccess access;

    public OwnershipResource(OwnershipService ownership, ClientLocks locks, Standings standings, ClientMapper cards,
                             CurrentUser user, CardAccess access) {
        this.access = access;
        this.ownership = ownership;
        this.locks = locks;
        this.standings = standings;
        this.cards = cards;
        this.user = user;
    }

    @GET
    @Path("{id}/ownership")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Who owns the client, or which pool it sits in and why; which rule would recall it and when")
    public OwnershipView get(@PathParam("id") UUID id) {
        return OwnershipView.of(standings.of(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/owner")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Hand a client over to another rep",
            description = "The current owner, a manager or an admin. Requires If-Match; the history stays with the card.")
    @APIResponse(responseCode = "200", description = "the card with its new owner",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response transferOwner(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull OwnershipRequests.TransferOwner request) {
        Client client = ownership.transfer(id, ETags.expected(ifMatch), request.ownerId(), request.department(),
                request.reason());
        return Response.ok(cards.toView(client, access.why(client).orElse(null), user.isSupervisor())).header(HttpHeaders.ETAG, ETags.of(client.version))
                .build();
    }

    @POST
    @Path("{id}/return-to-pool")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Put the client back into a pool (放入公海) with a reason",
            description = "The owner, a manager or an admin; requires If-Match of the card. Pool: poolId, else the one "
                    + "it was taken from, else the default pool. The owner's open visit plans are cancelled "
                    + "(interaction-service reacts to the events); the history stays with the card.")
    @APIResponse(responseCode = "200", description = "where the client stands now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response returnToPool(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull OwnershipRequests.ReturnToPool request) {
        return OwnershipView.ok(ownership.returnToPool(id, ETags.expected(ifMatch), request.poolId(), request.reason()));
    }

    @PUT
    @Path("{id}/lock")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Lock the client (锁定): it is never recalled",
            description = "The owner, a manager or an admin; up to the owner's lock cap (409 beyond it).")
    @APIResponse(responseCode = "200", description = "where the client stands now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response lock(@PathParam("id") UUID id) {
        return OwnershipView.ok(locks.lock(id));
    }

    @DELETE
    @Path("{id}/lock")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Unlock the client: recall rules apply again")
    @APIResponse(responseCode = "200", description = "where the client stands now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response unlock(@PathParam("id") UUID id) {
        return OwnershipView.ok(locks.unlock(id));
    }
}
