package com.example.crm.client.contacts.api;

import com.example.crm.client.contacts.application.ContactPersonInput;
import com.example.crm.client.contacts.application.ContactPersonService;
import com.example.crm.client.contacts.domain.ContactPerson;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.Idempotency;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.json.MergePatch;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact persons", description = "People at the client (联系人)")
public class ContactPersonResource {

    private static final String PATCH_EXAMPLE = "{\"title\":\"采购总监\",\"decisionMaker\":true}";

    private final ContactPersonService service;
    private final ContactPersonViews mapper;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public ContactPersonResource(ContactPersonService service, ContactPersonViews mapper, Idempotency idempotency,
                                 CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Add a contact person")
    @APIResponse(responseCode = "201", description = "the added contact person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactPersonView.class)),
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")})
    public Response create(@PathParam("clientId") UUID clientId,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ContactPersonInput input) {
        return idempotency.create(idempotencyKey, user.id(), input, () -> {
            ContactPerson person = service.add(clientId, input);
            return new Idempotency.Created(URI.create("/api/v1/clients/" + clientId + "/contacts/" + person.id),
                    mapper.toView(person), ETags.of(person.version));
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A client's contact persons, oldest first (at most 200, one page)")
    public Page<ContactPersonView> list(@PathParam("clientId") UUID clientId) {
        return new Page<>(service.list(clientId).stream().map(mapper::toView).toList(), null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "the contact person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactPersonView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Response get(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id) {
        return withETag(service.get(clientId, id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Change a contact person with a JSON merge patch; requires If-Match")
    @APIResponse(responseCode = "200", description = "the changed contact person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactPersonView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @RequestBody(required = true, description = "a JSON merge patch (RFC 7396): any subset of ContactPersonInput's fields; null "
            + "removes a value", content = {
            @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT), example = PATCH_EXAMPLE),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), example = PATCH_EXAMPLE)})
    public Response patch(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        return withETag(service.patch(clientId, id, ETags.expected(ifMatch), patch));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Remove a contact person; requires If-Match")
    @APIResponse(responseCode = "204", description = "done; no body")
    public Response delete(@PathParam("clientId") UUID clientId, @PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(clientId, id, ETags.expected(ifMatch));
        return Response.noContent().build();
    }

    private Response withETag(ContactPerson person) {
        return Response.ok(mapper.toView(person)).header(HttpHeaders.ETAG, ETags.of(person.version)).build();
    }
}
