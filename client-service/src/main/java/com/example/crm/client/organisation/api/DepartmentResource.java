package com.example.crm.client.organisation.api;

import com.example.crm.client.organisation.application.OrganisationService;
import com.example.crm.client.organisation.domain.Department;
import com.example.crm.client.organisation.domain.OrganisationHistoryEntry;
import com.example.crm.client.organisation.api.OrganisationViews.DepartmentChange;
import com.example.crm.client.organisation.api.OrganisationViews.DepartmentView;
import com.example.crm.client.organisation.api.OrganisationViews.OrganisationHistoryView;
import com.example.crm.client.organisation.api.OrganisationViews.MemberView;
import com.example.crm.client.organisation.api.OrganisationViews.NewDepartment;
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
import java.util.List;

/** The department tree: read by everyone, maintained by admins. */
@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation", description = "Departments and the users in them: the tree data scope follows")
public class DepartmentResource {

    private final OrganisationService service;

    public DepartmentResource(OrganisationService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Every department (parentId links them into the tree), by name")
    public List<DepartmentView> all(@QueryParam("closed") @Parameter(description = "true: closed ones too") String closed) {
        boolean withClosed = Boolean.TRUE.equals(QueryParams.booleanValue("closed", closed));
        return service.departments(withClosed).stream().map(DepartmentView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open a department", description = "Its id is what tokens' department claim names.")
    @APIResponse(responseCode = "201", description = "the new department",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepartmentView.class)),
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")})
    public Response open(@Valid @NotNull NewDepartment input) {
        Department d = service.open(input.id(), input.name(), input.parentId());
        return Response.created(URI.create("/api/v1/departments/" + d.id)).entity(DepartmentView.of(d))
                .header(HttpHeaders.ETAG, ETags.of(d.version)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the department",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepartmentView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response get(@PathParam("id") String id) {
        return withETag(service.get(OrganisationViews.departmentId(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rename a department or move it (with everything below it) under another (If-Match)",
            description = "A department cannot move below itself (409); a closed one changes no more.")
    @APIResponse(responseCode = "200", description = "the department as changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepartmentView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull DepartmentChange input) {
        return withETag(service.change(OrganisationViews.departmentId(id), ETags.expected(ifMatch), input.name(), input.parentId()));
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close a department (If-Match)",
            description = "Only an empty one: no user placed in it and no open department below it (409 otherwise).")
    @APIResponse(responseCode = "200", description = "the closed department",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepartmentView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.close(OrganisationViews.departmentId(id), ETags.expected(ifMatch)));
    }

    @GET
    @Path("{id}/members")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    @Operation(summary = "The users placed in a department")
    public List<MemberView> members(@PathParam("id") String id) {
        return service.membersOf(OrganisationViews.departmentId(id)).stream().map(MemberView::of).toList();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    @Operation(summary = "The department's history, newest first")
    public Page<OrganisationHistoryView> history(@PathParam("id") String id, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.history(OrganisationHistoryEntry.Kind.DEPARTMENT, OrganisationViews.departmentId(id),
                        Cursor.decode(cursor, 1, keys -> Long.valueOf(keys.get(0))), size), size, OrganisationHistoryView::of,
                e -> Cursor.encode(e.id.toString()));
    }

    private static Response withETag(Department d) {
        return Response.ok(DepartmentView.of(d)).header(HttpHeaders.ETAG, ETags.of(d.version)).build();
    }
}
