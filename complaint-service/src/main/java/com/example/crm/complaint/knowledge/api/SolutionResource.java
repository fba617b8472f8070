package com.example.crm.complaint.knowledge.api;

import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.knowledge.application.SolutionInput;
import com.example.crm.complaint.knowledge.application.SolutionService;
import com.example.crm.complaint.knowledge.domain.Solution;
import com.example.crm.complaint.knowledge.persistence.SolutionRepository;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/solutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Solutions", description = "The solution knowledge base (docs/domain.md#complaint-handling)")
public class SolutionResource {

    private final SolutionService service;
    private final SolutionMapper mapper;

    public SolutionResource(SolutionService service, SolutionMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE})
    @APIResponse(responseCode = "201", description = "the new solution",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SolutionMapper.SolutionView.class)),
            headers = {
                    @Header(name = "ETag",
                            ref = "ETag"),
                    @Header(name = "Location",
                            ref = "Location")
            })
    public Response create(@Valid @NotNull SolutionInput input) {
        Solution s = service.create(input);
        return Response.created(URI.create("/api/v1/solutions/" + s.id)).entity(mapper.toView(s))
                .header(HttpHeaders.ETAG, ETags.of(s.version)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the solution",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SolutionMapper.SolutionView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        Solution s = service.get(id);
        return Response.ok(mapper.toView(s)).header(HttpHeaders.ETAG, ETags.of(s.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE})
    @Operation(summary = "Replace a solution; If-Match")
    @APIResponse(responseCode = "200", description = "the solution as updated",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SolutionMapper.SolutionView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SolutionInput input) {
        Solution s = service.update(id, ETags.expected(ifMatch), input);
        return Response.ok(mapper.toView(s)).header(HttpHeaders.ETAG, ETags.of(s.version)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "Search solutions by words in title, symptoms or answer (Chinese included), most used first")
    public Page<SolutionMapper.SolutionView> search(@QueryParam("q") String q, @QueryParam("category") String category,
                                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        SolutionRepository.After after = Cursor.decode(cursor, 2,
                keys -> new SolutionRepository.After(Integer.parseInt(keys.get(0)), UUID.fromString(keys.get(1))));
        return Page.of(service.search(QueryParams.text("q", q, 100), QueryParams.enumValue(Category.class, "category", category),
                after, size), size, mapper::toView, s -> Cursor.encode(Integer.toString(s.usageCount), s.id.toString()));
    }
}
