package com.example.crm.interaction.brief.api;

import com.example.crm.interaction.orders.api.ReceivableViews;
import com.example.crm.interaction.orders.domain.OrderStatus;
import com.example.crm.interaction.timeline.api.InteractionView;
import com.example.crm.interaction.visits.api.VisitPlanViews;
import com.example.crm.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The pre-visit brief: the card as this service knows it, the last five contacts and orders, receivables, the next
 * plan and the cadence; for prospects, visits so far against the target.
 */
public record BriefView(Card client, List<InteractionView> lastContacts, List<OrderLine> lastOrders,
                        List<ReceivableViews.Totals> receivables, List<ReceivableViews.Instalment> overdue,
                        VisitPlanViews.Plan nextPlan, VisitPlanViews.Cadence cadence, Prospect prospect) {

    public record Card(UUID id, String legalName, String status, String ownerId, String abcClass, String valueTier,
                       Instant classifiedAt,
                       Instant lastContactAt, LocalDate nextContactOn, UUID mergedInto, boolean erased) {
    }

    /** An order in brief: quantity is the sum of its lines' quantities (null for an order given by total). */
    public record OrderLine(UUID orderId, Instant orderedAt, OrderStatus status, List<String> productCategories,
                            BigDecimal quantity, Money amount) {
    }

    @Schema(name = "ProspectProgress")
    public record Prospect(long visits, int target, long remaining) {
    }
}
