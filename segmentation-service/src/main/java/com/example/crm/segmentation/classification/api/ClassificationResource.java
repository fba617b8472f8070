package com.example.crm.segmentation.classification.api;

import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import com.example.crm.segmentation.classification.application.ClassificationService;
import com.example.crm.segmentation.classification.domain.ClassificationRun;
import com.example.crm.segmentation.classification.persistence.ClassificationQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classifications", description = "ABC (Pareto), RFM, value tiers and churn risk, with their reasons")
public class ClassificationResource {

    private static final List<String> CLASSES = List.of("A", "B", "C");
    private static final List<String> TIERS = List.of("KEY", "ORDINARY", "PROSPECT");
    private static final List<String> RISKS = List.of("LOW", "MEDIUM", "HIGH");

    private final ClassificationService service;
    private final SegmentationMapper mapper;

    public ClassificationResource(ClassificationService service, SegmentationMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GET
    @Path("clients/{clientId}/classification")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's classification with the reasons (404 until the first run after it is known)")
    public ClassificationView classification(@PathParam("clientId") UUID clientId) {
        return mapper.toView(service.of(clientId));
    }

    @GET
    @Path("classifications")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Classified clients filtered by ABC class, value tier, churn risk, RFM segment or owner")
    public Page<ClassificationView> list(@QueryParam("abcClass") String abcClass, @QueryParam("valueTier") String tier,
                                         @QueryParam("churnRisk") String risk, @QueryParam("rfmSegment") String segment,
                                         @QueryParam("ownerId") String ownerId,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ClassificationQueries.Filter filter = new ClassificationQueries.Filter(oneOf("abcClass", abcClass, CLASSES),
                oneOf("valueTier", tier, TIERS), oneOf("churnRisk", risk, RISKS), QueryParams.text("rfmSegment", segment, 40),
                QueryParams.text("ownerId", ownerId, 100));
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        UUID after = Cursor.decode(cursor, 1, keys -> UUID.fromString(keys.get(0)));
        return Page.of(service.list(filter, after, size), size, mapper::toView, c -> Cursor.encode(c.clientId.toString()));
    }

    @POST
    @Path("runs")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Run the classification now (it also runs nightly); 409 while another run is in progress",
            description = "Only clients whose class, tier or risk level changed get a client-classified event.")
    @APIResponse(responseCode = "201", description = "the run, started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentationMapper.RunView.class)),
            headers = @Header(name = "Location",
                    ref = "Location"))
    public Response run() {
        ClassificationRun run = service.run("API");
        return Response.created(URI.create("/api/v1/runs/" + run.id)).entity(mapper.toView(run)).build();
    }

    @GET
    @Path("runs")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The latest runs, newest first")
    public List<SegmentationMapper.RunView> runs() {
        return service.latestRuns(50).stream().map(mapper::toView).toList();
    }

    @GET
    @Path("runs/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.INTEGRATION, Roles.AUDITOR})
    public SegmentationMapper.RunView runById(@PathParam("id") UUID id) {
        return mapper.toView(service.runById(id));
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        String text = QueryParams.text(name, value, 20);
        if (text != null && !allowed.contains(text)) {
            throw ProblemException.invalid(name, "must be one of " + allowed);
        }
        return text;
    }
}
