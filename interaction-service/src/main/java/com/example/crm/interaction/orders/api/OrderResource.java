package com.example.crm.interaction.orders.api;

import com.example.crm.interaction.orders.application.OrderInput;
import com.example.crm.interaction.orders.application.OrderService;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.persistence.OrderRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Idempotency;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "A client's purchases (购买数量、时间)")
public class OrderResource {

    private final OrderService service;
    private final OrderMapper mapper;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public OrderResource(OrderService service, OrderMapper mapper,
                         Idempotency idempotency, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.user = user;
    }

    /** Why an order is cancelled. */
    @Schema(name = "OrderCancellation")
    public record Cancellation(@Size(max = 500) String reason) {
    }

    @POST
    @Path("clients/{clientId}/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Place an order", description = "Lines (their sum is the total) or a total; one currency per "
            + "order; amounts are decimal strings. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "the placed order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)),
            headers = {
                    @Header(name = "ETag",
                            ref = "ETag"),
                    @Header(name = "Location",
                            ref = "Location"),
                    @Header(name = "Idempotent-Replayed",
                            ref = "Idempotent-Replayed")
            })
    public Response place(@PathParam("clientId") UUID clientId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                          @Valid @NotNull OrderInput input) {
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            ClientOrder order = service.place(clientId, input);
            return new Idempotency.Created(URI.create("/api/v1/orders/" + order.id), mapper.toView(order),
                    ETags.of(order.version));
        });
    }

    @GET
    @Path("orders/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(id));
    }

    @GET
    @Path("clients/{clientId}/orders")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's orders, newest first")
    public Page<OrderView> list(@PathParam("clientId") UUID clientId, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(service.list(clientId, Cursor.decode(cursor, 2,
                        keys -> new OrderRepository.After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)))),
                size), size, mapper::toView, o -> Cursor.encode(o.orderedAt.toString(), o.id.toString()));
    }

    @GET
    @Path("clients/{clientId}/purchase-statistics")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Purchase statistics per currency: totals by month and year, growth year over year, "
            + "average order interval, first and last order", description = "Cancelled orders do not count; months "
            + "and years are those of the business time zone.")
    public java.util.List<ReceivableViews.PurchaseStatistics> statistics(@PathParam("clientId") UUID clientId) {
        return mapper.toViews(service.statistics(clientId));
    }

    @POST
    @Path("orders/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Cancel a placed order; requires If-Match",
            description = "Its open instalments become VOID. An order with payments cannot be cancelled (409).")
    @APIResponse(responseCode = "200", description = "the cancelled order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "optional: without a body there is no reason")
            @Valid Cancellation request) {
        return withETag(service.cancel(id, ETags.expected(ifMatch), request == null ? null : request.reason()));
    }

    @POST
    @Path("orders/{id}/delivery")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Record that a placed order was delivered; requires If-Match")
    @APIResponse(responseCode = "200", description = "the delivered order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = "ETag",
                    ref = "ETag"))
    public Response deliver(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.deliver(id, ETags.expected(ifMatch)));
    }

    private Response withETag(ClientOrder order) {
        return Response.ok(mapper.toView(order)).header(HttpHeaders.ETAG, ETags.of(order.version)).build();
    }
}
