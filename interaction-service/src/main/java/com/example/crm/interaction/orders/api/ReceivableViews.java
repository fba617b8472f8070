package com.example.crm.interaction.orders.api;

import com.example.crm.interaction.orders.domain.InstalmentStatus;
import com.example.crm.interaction.orders.domain.PaymentMethod;
import com.example.crm.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the receivables API answers with. */
public final class ReceivableViews {

    private ReceivableViews() {
    }

    /** One instalment; daysOverdue counts from the due day to today (business zone) while unpaid. */
    @Schema(name = "InstalmentView")
    public record Instalment(UUID id, UUID orderId, int seq, LocalDate dueOn, Money amount, Money paid, Money outstanding,
                             InstalmentStatus status, int reminderDays, LocalDate remindFrom, long daysOverdue,
                             LocalDate overdueSince) {
    }

    @Schema(name = "ReceivablePlanView")
    public record Plan(UUID orderId, long orderVersion, Money total, Money paid, Money outstanding,
                       List<Instalment> instalments) {
    }

    public record Allocation(UUID instalmentId, Money amount) {
    }

    @Schema(name = "PaymentView")
    public record Payment(UUID id, UUID clientId, UUID orderId, UUID instalmentId, Money amount, Instant paidAt,
                          PaymentMethod method, String reference, List<Allocation> allocations, Instant recordedAt,
                          String recordedBy) {
    }

    public record Totals(Money outstanding, Money overdue) {
    }

    /** A client's receivables: totals per currency and the open instalments, earliest due first. */
    public record Receivables(UUID clientId, LocalDate asOf, List<Totals> totals, List<Instalment> open) {
    }

    /** A line of a rep's collection list; reminderDue once today has reached the instalment's reminder day. */
    public record Collectible(UUID clientId, String legalName, boolean reminderDue, Instalment instalment) {
    }

    /** A period of purchase statistics; growthRate against the previous year as a fraction (0.25 = +25%). */
    public record Period(String period, Money amount, long orders, BigDecimal growthRate) {
    }

    public record PurchaseStatistics(String currency, long orderCount, Instant firstOrderAt, Instant lastOrderAt,
                                     BigDecimal averageOrderIntervalDays, List<Period> years, List<Period> months) {
    }
}
