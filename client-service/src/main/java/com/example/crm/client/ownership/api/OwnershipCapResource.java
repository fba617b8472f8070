package com.example.crm.client.ownership.api;

import com.example.crm.client.ownership.application.OwnershipCaps;
import com.example.crm.client.ownership.application.PoolService;
import com.example.crm.client.ownership.domain.CapScope;
import com.example.crm.client.ownership.domain.OwnershipCap;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Ownership caps (保有量) per user ({@code users/{id}}) or department ({@code departments/{id}}). */
@Path("/api/v1/ownership-caps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Public pools (公海), claims, recall, caps and locks")
public class OwnershipCapResource {

    public record CapInput(@Schema(description = "clients owned at most; absent: no limit") @Min(0) Integer maxOwned,
                           @Schema(description = "clients locked at most; absent: the department's cap or the default")
                           @Min(0) Integer maxLocked,
                           @Schema(description = "whether clients with a deal count towards maxOwned", defaultValue = "true")
                           Boolean countClientsWithDeal) {
    }

    public record CapView(CapScope scope, String subject, long version, Integer maxOwned, Integer maxLocked,
                          boolean countClientsWithDeal, @Schema(description = "counted as the cap counts") long owned,
                          long locked, Instant updatedAt, String updatedBy) {
    }

    private final PoolService pools;
    private final OwnershipCaps caps;

    public OwnershipCapResource(PoolService pools, OwnershipCaps caps) {
        this.pools = pools;
        this.caps = caps;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    @Operation(summary = "Every cap with what its user or department holds now")
    public List<CapView> list() {
        return pools.caps().stream().map(this::view).toList();
    }

    @GET
    @Path("{scope}/{subject}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the cap",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipCapResource.CapView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response get(@PathParam("scope") String scope, @PathParam("subject") String subject) {
        return withETag(pools.cap(scope(scope), subject(subject)));
    }

    @PUT
    @Path("{scope}/{subject}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Set the cap of a user or department (users/{id} or departments/{id})",
            description = "201 when created, 200 when replaced (If-Match optional, checked when sent). Lowering a cap "
                    + "below what is held takes nothing away; it only refuses further claims and assignments.")
    @APIResponse(responseCode = "200", description = "the cap as replaced (201 with Location when it was created)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipCapResource.CapView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "201", description = "the cap as created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnershipCapResource.CapView.class)),
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")})
    public Response put(@PathParam("scope") String scope, @PathParam("subject") String subject,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CapInput input) {
        CapScope s = scope(scope);
        String who = subject(subject);
        PoolService.PutCap put = pools.putCap(s, who, ifMatch == null ? null : ETags.expected(ifMatch), input.maxOwned(), input.maxLocked(),
                input.countClientsWithDeal());
        OwnershipCap cap = put.cap();
        Response.ResponseBuilder answer = put.created()
                ? Response.created(URI.create("/api/v1/ownership-caps/" + scope + "/" + who)) : Response.ok();
        return answer.entity(view(cap)).header(HttpHeaders.ETAG, ETags.of(cap.version)).build();
    }

    @DELETE
    @Path("{scope}/{subject}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @APIResponse(responseCode = "204", description = "the default applies")
    public Response delete(@PathParam("scope") String scope, @PathParam("subject") String subject) {
        pools.deleteCap(scope(scope), subject(subject));
        return Response.noContent().build();
    }

    private Response withETag(OwnershipCap cap) {
        return Response.ok(view(cap)).header(HttpHeaders.ETAG, ETags.of(cap.version)).build();
    }

    private CapView view(OwnershipCap cap) {
        OwnershipCaps.Counts counts = caps.counts(cap);
        return new CapView(cap.key.scope(), cap.key.subject(), cap.version, cap.maxOwned, cap.maxLocked,
                cap.countClientsWithDeal, counts.owned(), counts.locked(), cap.updatedAt, cap.updatedBy);
    }

    private static CapScope scope(String path) {
        return switch (path) {
            case "users" -> CapScope.USER;
            case "departments" -> CapScope.DEPARTMENT;
            default -> throw ProblemException.invalid("scope", "must be users or departments");
        };
    }

    private static String subject(String subject) {
        if (subject.isBlank() || subject.length() > 100) {
            throw ProblemException.invalid("subject", "must be 1 to 100 characters");
        }
        return subject;
    }
}
