package com.example.crm.client.ownership.api;

import com.example.crm.client.ownership.application.RecallWarnings;
import com.example.crm.client.ownership.domain.RecallRuleKind;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.Page;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** The recall to-do feed: an owner's clients that will be recalled soon, soonest first. */
@Path("/api/v1/recall-warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ownership", description = "Public pools (公海), claims, recall, caps and locks")
public class RecallWarningResource {

    public record RecallWarningView(UUID clientId, String ownerId, UUID poolId, RecallRuleKind rule, int days,
                                    Instant countingFrom, Instant dueAt) {
    }

    private final RecallWarnings warnings;

    public RecallWarningResource(RecallWarnings warnings) {
        this.warnings = warnings;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.AUDITOR})
    @Operation(summary = "Clients of an owner that will be recalled soon",
            description = "Default: those inside their pool's warning window; withinDays: due within that many days. "
                    + "A sales rep sees their own.")
    public Page<RecallWarningView> list(@QueryParam("ownerId") @Parameter(description = "default: the caller") String ownerId,
                                        @QueryParam("withinDays") String withinDays,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.clamp(QueryParams.intValue("limit", limit));
        return Page.of(warnings.of(QueryParams.text("ownerId", ownerId, 100), QueryParams.intValue("withinDays", withinDays),
                        Cursor.decode(cursor, 2, keys -> new RecallWarnings.After(Instant.parse(keys.get(0)),
                                UUID.fromString(keys.get(1)))), size), size,
                s -> new RecallWarningView(s.clientId, s.ownerId, s.poolId, s.rule, s.days, s.anchor, s.dueAt),
                s -> Cursor.encode(s.dueAt.toString(), s.clientId.toString()));
    }
}
