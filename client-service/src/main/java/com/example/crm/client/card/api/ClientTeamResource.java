package com.example.crm.client.card.api;

import com.example.crm.client.card.application.CardTeam;
import com.example.crm.client.card.domain.TeamMember;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** A client's team members (协作人): who else reads the card, or also changes it. */
@Path("/api/v1/clients/{id}/team-members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "The customer profile card")
public class ClientTeamResource {

    private final CardTeam team;

    public ClientTeamResource(CardTeam team) {
        this.team = team;
    }

    public record TeamAccess(@Schema(description = "READ: reads the card and its timeline; EDIT: also changes the card "
            + "and logs contacts as the owner does (never hands it over, returns or deletes it)") @NotNull TeamMember.Access access) {
    }

    public record TeamMemberView(String userId, TeamMember.Access access, String addedBy, Instant addedAt) {
        static TeamMemberView of(TeamMember m) {
            return new TeamMemberView(m.userId, m.access, m.addedBy, m.addedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The client's team members")
    public List<TeamMemberView> list(@PathParam("id") UUID id) {
        return team.of(id).stream().map(TeamMemberView::of).toList();
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Add a team member or change their access",
            description = "The owner, a manager or an admin; 201 when the user joins the team, 200 when their access "
                    + "changed or stayed.")
    @APIResponse(responseCode = "200", description = "the team member",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamMemberView.class)))
    @APIResponse(responseCode = "201", description = "the new team member",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamMemberView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Response put(@PathParam("id") UUID id, @PathParam("userId") String userId, @Valid @NotNull TeamAccess input) {
        CardTeam.Put put = team.put(id, user(userId), input.access());
        Response.ResponseBuilder answer = put.created()
                ? Response.created(URI.create("/api/v1/clients/" + id + "/team-members/" + put.member().userId))
                : Response.ok();
        return answer.entity(TeamMemberView.of(put.member())).build();
    }

    @DELETE
    @Path("{userId}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Remove a team member", description = "The owner, a manager or an admin.")
    @APIResponse(responseCode = "204", description = "removed")
    public Response remove(@PathParam("id") UUID id, @PathParam("userId") String userId) {
        team.remove(id, user(userId));
        return Response.noContent().build();
    }

    private static String user(String userId) {
        return QueryParams.required("userId", userId, 100);
    }
}
