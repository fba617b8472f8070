package com.example.crm.segmentation.segments.api;

import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import com.example.crm.segmentation.segments.application.SegmentService;
import com.example.crm.segmentation.segments.domain.Segment;
import com.example.crm.segmentation.segments.domain.SegmentRule;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Rule-based segments over the projection and the classification")
public class SegmentResource {

    private final SegmentService service;

    public SegmentResource(SegmentService service) {
        this.service = service;
    }

    public record SegmentInput(@NotBlank @Size(max = 100) @Schema(example = "浙江重点客户") String name,
                               @Size(max = 1000) @Schema(example = "浙江省的 A 类或 KEY 客户") String description,
                               @NotNull @Schema(description = "and/or (arrays), not (a rule), or {field, op, value}; "
                                       + "fields: industry, province, city, status, ownerId, relationshipLevel, tags "
                                       + "(contains), abcClass, valueTier, churnRisk, rfmSegment, rfmCode (eq, ne, in), "
                                       + "churnScore, revenue, contacts (eq, gte, lte, between), lastContactAt (gte, lte, between)",
                                       example = "{\"and\":[{\"field\":\"province\",\"op\":\"eq\",\"value\":\"浙江省\"},"
                                               + "{\"or\":[{\"field\":\"abcClass\",\"op\":\"eq\",\"value\":\"A\"},"
                                               + "{\"field\":\"valueTier\",\"op\":\"eq\",\"value\":\"KEY\"}]}]}")
                               JsonNode rule) {
    }

    public record SegmentView(UUID id, long version, String name, String description, JsonNode rule, Instant createdAt,
                              String createdBy, Instant updatedAt, Instant evaluatedAt, int members) {
        static SegmentView of(Segment s) {
            return new SegmentView(s.id, s.version, s.name, s.description, s.rule, s.createdAt, s.createdBy,
                    s.updatedAt, s.evaluatedAt, s.members);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Define a segment; it is evaluated at once and after every classification run")
    @APIResponse(responseCode = "201", description = "the new segment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentResource.SegmentView.class)),
            headers = {
                    @Header(name = "ETag",
                            ref = "ETag"),
                    @Header(name = "Location",
                            ref = "Location")
            })
    public Response create(@Valid @NotNull SegmentInput input) {
        Segment s = service.create(new SegmentService.Definition(input.name(), input.description(), input.rule()));
        return Response.created(URI.create("/api/v1/segments/" + s.id)).entity(SegmentView.of(s))
                .header(HttpHeaders.ETAG, ETags.of(s.version)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    public List<SegmentView> all() {
        return service.all().stream().map(SegmentView::of).toList();
    }

    @GET
    @Path("fields")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The fields a rule may use")
    public List<String> fields() {
        return SegmentRule.fields();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the segment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentResource.SegmentView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        Segment s = service.get(id);
        return Response.ok(SegmentView.of(s)).header(HttpHeaders.ETAG, ETags.of(s.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Replace a segment's definition (If-Match); it is evaluated again")
    @APIResponse(responseCode = "200", description = "the segment as updated",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentResource.SegmentView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SegmentInput input) {
        Segment s = service.update(id, ETags.expected(ifMatch), new SegmentService.Definition(input.name(), input.description(), input.rule()));
        return Response.ok(SegmentView.of(s)).header(HttpHeaders.ETAG, ETags.of(s.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @APIResponse(responseCode = "204", description = "done; no body")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/evaluation")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Evaluate the segment now; members entering or leaving are announced")
    public SegmentView evaluate(@PathParam("id") UUID id) {
        return SegmentView.of(service.evaluateNow(id));
    }

    public record Member(UUID clientId) {
    }

    @GET
    @Path("{id}/members")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The segment's members after its latest evaluation, by client id")
    public Page<Member> members(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.members(id, Cursor.decode(cursor, 1, keys -> UUID.fromString(keys.get(0))), size), size, Member::new,
                c -> Cursor.encode(c.toString()));
    }
}
