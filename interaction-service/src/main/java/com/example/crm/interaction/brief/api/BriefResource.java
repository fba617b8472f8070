package com.example.crm.interaction.brief.api;

import com.example.crm.interaction.brief.application.BriefService;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.orders.api.OrderMapper;
import com.example.crm.interaction.orders.api.ReceivableViews;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.timeline.api.InteractionMapper;
import com.example.crm.interaction.visits.api.VisitPlanMapper;
import com.example.crm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/brief")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class BriefResource {

    private final BriefService service;
    private final InteractionMapper interactions;
    private final OrderMapper receivables;
    private final VisitPlanMapper plans;

    public BriefResource(BriefService service, InteractionMapper interactions, OrderMapper receivables,
                         VisitPlanMapper plans) {
        this.service = service;
        this.interactions = interactions;
        this.receivables = receivables;
        this.plans = plans;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.AUDITOR})
    @Operation(summary = "The pre-visit brief: card summary, last 5 contacts and orders, receivables, next plan",
            description = "Check the card before every visit (docs/domain.md#visits-and-cadences). Prospects also show visits so far against the target.")
    public BriefView brief(@PathParam("clientId") UUID clientId) {
        BriefService.Brief brief = service.brief(clientId);
        KnownClient c = brief.client();
        ReceivableViews.Receivables owed = receivables.toView(brief.receivables());
        return new BriefView(
                new BriefView.Card(c.id, c.legalName, c.status, c.ownerId, c.abcClass, c.valueTier, c.classifiedAt,
                        c.lastContactAt,
                        c.nextContactOn, c.mergedInto, c.erasedAt != null),
                brief.lastContacts().stream().map(interactions::toView).toList(),
                brief.lastOrders().stream().map(BriefResource::orderLine).toList(),
                owed.totals(), owed.open().stream().filter(i -> i.daysOverdue() > 0).toList(),
                brief.nextPlan().map(plans::toView).orElse(null), brief.cadence().map(plans::toView).orElse(null),
                brief.visitsSoFar() == null ? null : new BriefView.Prospect(brief.visitsSoFar(), brief.visitTarget(),
                        Math.max(0, brief.visitTarget() - brief.visitsSoFar())));
    }

    private static BriefView.OrderLine orderLine(ClientOrder o) {
        BigDecimal quantity = o.lines.isEmpty() ? null
                : o.lines.stream().map(ClientOrder.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BriefView.OrderLine(o.id, o.orderedAt, o.status,
                o.lines.stream().map(ClientOrder.Line::productCategory).distinct().toList(), quantity, o.total());
    }
}
