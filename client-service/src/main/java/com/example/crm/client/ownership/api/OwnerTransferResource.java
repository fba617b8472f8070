package com.example.crm.client.ownership.api;

import com.example.crm.client.ownership.application.OwnershipService;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/owner-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Handing clients over between reps")
public class OwnerTransferResource {

    private final OwnershipService service;

    public OwnerTransferResource(OwnershipService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Hand all of a rep's clients to another rep",
            description = "One transaction; each client gets an owner-changed event and a history entry. Refused "
                    + "(409) when the new owner's ownership cap has no room for all of them.")
    public OwnershipRequests.TransferAllResult transferAll(@Valid @NotNull OwnershipRequests.TransferAll request) {
        List<UUID> moved = service.transferAll(request.fromOwnerId(), request.toOwnerId(), request.department(),
                request.reason());
        return new OwnershipRequests.TransferAllResult(moved.size(), moved);
    }
}
