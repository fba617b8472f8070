package com.example.crm.interaction.timeline.api;

import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.timeline.application.InteractionInput;
import com.example.crm.interaction.timeline.application.InteractionService;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.timeline.domain.InteractionKind;
import com.example.crm.interaction.timeline.domain.Outcome;
import com.example.crm.interaction.timeline.persistence.InteractionRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.Idempotency;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.example.crm.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The client's timeline of visits, calls, e-mails, meetings, ...")
public class InteractionResource {


    private final InteractionService service;
    private final InteractionMapper mapper;
    private final Idempotency idempotency;
    private final CurrentUser user;

    private final BusinessCalendar calendar;

    public InteractionResource(InteractionService service, InteractionMapper mapper, Idempotency idempotency,
                               CurrentUser user, BusinessCalendar calendar) {
        this.service = service;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.user = user;
        this.calendar = calendar;
    }

    @POST
    @Path("clients/{clientId}/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE})
    @Operation(summary = "Log a contact with a client",
            description = "A client registered in client-service is known here within a second; before that the "
                    + "answer is 404 with \"retryable\": true. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "the logged contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InteractionView.class)),
            headers = {
                    @Header(name = "Location",
                            ref = "Location"),
                    @Header(name = "Idempotent-Replayed",
                            ref = "Idempotent-Replayed")
            })
    public Response log(@PathParam("clientId") UUID clientId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                        @Valid @NotNull InteractionInput input) {
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            Interaction interaction = service.log(clientId, input);
            return new Idempotency.Created(URI.create("/api/v1/interactions/" + interaction.id),
                    mapper.toView(interaction), null);
        });
    }

    @GET
    @Path("interactions/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    public InteractionView get(@PathParam("id") UUID id) {
        return mapper.toView(service.get(id));
    }

    @GET
    @Path("clients/{clientId}/interactions")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's timeline, newest first")
    public Page<InteractionView> timeline(@PathParam("clientId") UUID clientId,
                                          @QueryParam("kind") String kind, @QueryParam("staffId") String staffId,
                                          @QueryParam("outcome") String outcome,
                                          @QueryParam("from") @Parameter(description = "ISO 8601 with offset, inclusive") String from,
                                          @QueryParam("to") @Parameter(description = "ISO 8601 with offset, exclusive") String to,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return page(new InteractionRepository.Filter(clientId, QueryParams.text("staffId", staffId, 100),
                QueryParams.enumValue(InteractionKind.class, "kind", kind),
                QueryParams.enumValue(Outcome.class, "outcome", outcome), QueryParams.instantValue("from", from), QueryParams.instantValue("to", to)),
                limit, cursor);
    }

    @GET
    @Path("interactions")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A rep's own activity (anyone's for managers, admins, auditors and integrations), newest first")
    public Page<InteractionView> activity(@QueryParam("staffId") String staffId, @QueryParam("kind") String kind,
                                          @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        String staff = QueryParams.text("staffId", staffId, 100);
        if (staff == null) {
            staff = user.id();
        }
        InteractionRepository.Filter filter = new InteractionRepository.Filter(null, staff,
                QueryParams.enumValue(InteractionKind.class, "kind", kind),
                QueryParams.enumValue(Outcome.class, "outcome", outcome), QueryParams.instantValue("from", from), QueryParams.instantValue("to", to));
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.activity(filter, after(cursor), size), size, mapper::toView, InteractionResource::cursorOf);
    }

    @GET
    @Path("todo")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The daily to-do list: clients due for contact on the date, overdue ones first")
    public Page<TodoItem> todo(@QueryParam("assignee") @Parameter(description = "default: the caller") String assignee,
                               @QueryParam("date") @Parameter(description = "yyyy-MM-dd, default today in the business zone (crm.zone)") String date,
                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String who = QueryParams.text("assignee", assignee, 100);
        LocalDate given = QueryParams.dateValue("date", date);
        LocalDate day = given == null ? calendar.today() : given;
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.todo(who == null ? user.id() : who, day, Cursor.decode(cursor, 2,
                        keys -> new KnownClientRepository.After(LocalDate.parse(keys.get(0)), UUID.fromString(keys.get(1)))),
                size), size, c -> mapper.toTodo(c, day), c -> Cursor.encode(c.nextContactOn.toString(), c.id.toString()));
    }

    private Page<InteractionView> page(InteractionRepository.Filter filter, String limit, String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.timeline(filter, after(cursor), size), size, mapper::toView, InteractionResource::cursorOf);
    }

    private static InteractionRepository.After after(String cursor) {
        return Cursor.decode(cursor, 2,
                keys -> new InteractionRepository.After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1))));
    }

    private static String cursorOf(Interaction interaction) {
        return Cursor.encode(interaction.occurredAt.toString(), interaction.id.toString());
    }
}
