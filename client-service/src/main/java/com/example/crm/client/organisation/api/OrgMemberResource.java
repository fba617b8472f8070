package com.example.crm.client.organisation.api;

import com.example.crm.client.organisation.application.OrganisationService;
import com.example.crm.client.organisation.domain.OrgMember;
import com.example.crm.client.organisation.domain.OrganisationHistoryEntry;
import com.example.crm.client.organisation.api.OrganisationViews.OrganisationHistoryView;
import com.example.crm.client.organisation.api.OrganisationViews.MemberView;
import com.example.crm.client.organisation.api.OrganisationViews.MemberPlacement;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Where each user works: their department and whether they manage it. */
@Path("/api/v1/org-members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation", description = "Departments and the users in them: the tree data scope follows")
public class OrgMemberResource {

    private final OrganisationService service;

    public OrgMemberResource(OrganisationService service) {
        this.service = service;
    }

    @GET
    @Path("{userId}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "where the user works",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response get(@PathParam("userId") String userId) {
        OrgMember m = service.member(user(userId));
        return Response.ok(MemberView.of(m)).header(HttpHeaders.ETAG, ETags.of(m.version)).build();
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Place a user in a department (as its manager or not)",
            description = "201 the first time, 200 after (If-Match optional, checked when sent). The clients the "
                    + "user owns move with them: whoever's scope covers the new department sees them at once.")
    @APIResponse(responseCode = "200", description = "the user's new place (201 with Location the first time)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "201", description = "the user's first place",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)),
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")})
    public Response place(@PathParam("userId") String userId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull MemberPlacement input) {
        OrganisationService.Placed placed = service.place(user(userId), ifMatch == null ? null : ETags.expected(ifMatch),
                input.departmentId(), Boolean.TRUE.equals(input.manager()));
        OrgMember m = placed.member();
        Response.ResponseBuilder answer = placed.created()
                ? Response.created(URI.create("/api/v1/org-members/" + m.userId)) : Response.ok();
        return answer.entity(MemberView.of(m)).header(HttpHeaders.ETAG, ETags.of(m.version)).build();
    }

    @GET
    @Path("{userId}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    @Operation(summary = "Where the user was placed, newest first")
    public Page<OrganisationHistoryView> history(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.history(OrganisationHistoryEntry.Kind.MEMBER, user(userId),
                        Cursor.decode(cursor, 1, keys -> Long.valueOf(keys.get(0))), size), size, OrganisationHistoryView::of,
                e -> Cursor.encode(e.id.toString()));
    }

    private static String user(String userId) {
        return QueryParams.required("userId", userId, 100);
    }
}
