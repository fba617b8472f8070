package com.example.crm.interaction.orders.api;

import com.example.crm.interaction.orders.application.OverdueCheck;
import com.example.crm.interaction.orders.application.ReceivableInputs;
import com.example.crm.interaction.orders.application.ReceivableService;
import com.example.crm.interaction.orders.domain.Payment;
import com.example.crm.interaction.orders.persistence.PaymentRepository;
import com.example.crm.interaction.orders.persistence.ReceivableRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receivables", description = "Receivable plans (回款计划), payments (回款) and what is overdue")
public class ReceivableResource {

    private final ReceivableService service;
    private final OverdueCheck overdueCheck;
    private final OrderMapper mapper;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public ReceivableResource(ReceivableService service, OverdueCheck overdueCheck, OrderMapper mapper,
                              BusinessCalendar calendar, Idempotency idempotency, CurrentUser user) {
        this.service = service;
        this.overdueCheck = overdueCheck;
        this.mapper = mapper;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.user = user;
    }

    @GET
    @Path("orders/{id}/receivable-plan")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "An order's receivable plan", description = "The ETag is the order's.")
    @APIResponse(responseCode = "200", description = "the order's receivable plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceivableViews.Plan.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response plan(@PathParam("id") UUID orderId) {
        return withETag(service.plan(orderId));
    }

    @PUT
    @Path("orders/{id}/receivable-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Replace an order's receivable plan; requires the order's ETag in If-Match",
            description = "Instalments add up to the order's total, in its currency, due no earlier than the order "
                    + "day. An order starts with one instalment due after the default payment terms. What was paid "
                    + "settles the new instalments earliest first; the replaced ones become VOID.")
    @APIResponse(responseCode = "200", description = "the plan as replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceivableViews.Plan.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response replacePlan(@PathParam("id") UUID orderId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ReceivableInputs.Plan input) {
        return withETag(service.replacePlan(orderId, ETags.expected(ifMatch), input));
    }

    @POST
    @Path("orders/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Record a payment against an order or one of its instalments",
            description = "More than is owed is refused with 422 (urn:crm:problem:business-rule) and the amount "
                    + "still owed. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "the recorded payment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceivableViews.Payment.class)),
            headers = {
                    @Header(name = "Location",
                            ref = "Location"),
                    @Header(name = "Idempotent-Replayed",
                            ref = "Idempotent-Replayed")
            })
    public Response pay(@PathParam("id") UUID orderId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                        @Valid @NotNull ReceivableInputs.Payment input) {
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            Payment payment = service.recordPayment(orderId, input);
            return new Idempotency.Created(URI.create("/api/v1/payments/" + payment.id), mapper.toView(payment), null);
        });
    }

    @GET
    @Path("payments/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    public ReceivableViews.Payment payment(@PathParam("id") UUID id) {
        return mapper.toView(service.payment(id));
    }

    @GET
    @Path("clients/{clientId}/payments")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's payments, newest first")
    public Page<ReceivableViews.Payment> payments(@PathParam("clientId") UUID clientId,
                                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.payments(clientId, Cursor.decode(cursor, 2,
                        keys -> new PaymentRepository.After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)))),
                size), size, mapper::toView, p -> Cursor.encode(p.paidAt.toString(), p.id.toString()));
    }

    @GET
    @Path("clients/{clientId}/receivables")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's outstanding and overdue amounts per currency, and its open instalments")
    public ReceivableViews.Receivables receivables(@PathParam("clientId") UUID clientId) {
        return mapper.toView(service.receivables(clientId));
    }

    @GET
    @Path("receivables")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "A rep's collection list: open instalments of the clients they own, earliest due first")
    public Page<ReceivableViews.Collectible> collection(
            @QueryParam("owner") @Parameter(description = "default: the caller") String owner,
            @QueryParam("overdueOnly") @Parameter(description = "only instalments past due") String overdueOnly,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String who = QueryParams.text("owner", owner, 100);
        Boolean overdue = QueryParams.booleanValue("overdueOnly", overdueOnly);
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        var today = calendar.today();
        return Page.of(service.collection(who == null ? user.id() : who, Boolean.TRUE.equals(overdue),
                        Cursor.decode(cursor, 2, keys -> new ReceivableRepository.After(LocalDate.parse(keys.get(0)),
                                UUID.fromString(keys.get(1)))), size),
                size, row -> mapper.toView(row, today),
                row -> Cursor.encode(row.instalment().dueOn.toString(), row.instalment().id.toString()));
    }

    @POST
    @Path("receivables/overdue-check")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Run the overdue check now (it also runs hourly): flags past-due unpaid instalments once")
    public Map<String, Integer> overdueCheck() {
        return Map.of("flagged", overdueCheck.run());
    }

    private Response withETag(ReceivableService.Plan plan) {
        return Response.ok(mapper.toView(plan, calendar.today())).header(HttpHeaders.ETAG, ETags.of(plan.order().version))
                .build();
    }
}
