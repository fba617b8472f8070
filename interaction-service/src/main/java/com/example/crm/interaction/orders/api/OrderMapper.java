package com.example.crm.interaction.orders.api;

import com.example.crm.interaction.orders.application.PurchaseStatistics;
import com.example.crm.interaction.orders.application.ReceivableService;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.domain.OrderStatus;
import com.example.crm.interaction.orders.domain.Payment;
import com.example.crm.interaction.orders.domain.ReceivableInstalment;
import com.example.crm.interaction.orders.persistence.ReceivableRepository;
import com.example.crm.platform.money.Money;
import com.example.crm.platform.money.MoneyAmount;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Orders, their receivable plans, payments and purchase statistics to views; amounts leave as decimal strings with their currency. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface OrderMapper {

    default OrderView toView(ClientOrder order) {
        return new OrderView(order.id, order.clientId, order.version, order.orderedAt, order.status,
                order.total(), money(order.paidAmount, order.currency),
                money(order.status == OrderStatus.CANCELLED ? BigDecimal.ZERO
                        : order.totalAmount.subtract(order.paidAmount), order.currency),
                order.lines.stream().map(l -> new OrderView.LineView(l.productCategory(), l.description(), l.quantity(),
                        money(l.unitPrice(), order.currency), money(l.amount(), order.currency))).toList(),
                order.status.allowedNext().stream().sorted().toList(), order.deliveredAt, order.cancelledAt,
                order.cancelReason, order.createdAt, order.createdBy);
    }

    default ReceivableViews.Instalment toView(ReceivableInstalment i, LocalDate today) {
        return new ReceivableViews.Instalment(i.id, i.orderId, i.seq, i.dueOn, money(i.amount, i.currency),
                money(i.paidAmount, i.currency), money(i.outstanding(), i.currency), i.status, i.reminderDays,
                i.remindFrom(), i.daysOverdue(today), i.overdueSince);
    }

    default ReceivableViews.Plan toView(ReceivableService.Plan plan, LocalDate today) {
        ClientOrder o = plan.order();
        return new ReceivableViews.Plan(o.id, o.version, money(o.totalAmount, o.currency), money(o.paidAmount, o.currency),
                money(o.totalAmount.subtract(o.paidAmount), o.currency),
                plan.instalments().stream().map(i -> toView(i, today)).toList());
    }

    default ReceivableViews.Payment toView(Payment p) {
        return new ReceivableViews.Payment(p.id, p.clientId, p.orderId, p.instalmentId, money(p.amount, p.currency),
                p.paidAt, p.method, p.reference,
                p.allocations.stream().map(a -> new ReceivableViews.Allocation(a.instalmentId(), money(a.amount(), p.currency)))
                        .toList(), p.recordedAt, p.recordedBy);
    }

    default ReceivableViews.Receivables toView(ReceivableService.Summary summary) {
        return new ReceivableViews.Receivables(summary.clientId(), summary.asOf(),
                summary.totals().stream().map(t -> new ReceivableViews.Totals(money(t.outstanding(), t.currency()),
                        money(t.overdue(), t.currency()))).toList(),
                summary.open().stream().map(i -> toView(i, summary.asOf())).toList());
    }

    default ReceivableViews.Collectible toView(ReceivableRepository.Collectible row, LocalDate today) {
        ReceivableInstalment i = row.instalment();
        return new ReceivableViews.Collectible(i.clientId, row.legalName(), !today.isBefore(i.remindFrom()),
                toView(i, today));
    }

    default List<ReceivableViews.PurchaseStatistics> toViews(List<PurchaseStatistics> statistics) {
        return statistics.stream().map(s -> new ReceivableViews.PurchaseStatistics(s.currency(), s.orderCount(),
                s.firstOrderAt(), s.lastOrderAt(), s.averageOrderIntervalDays(),
                s.years().stream().map(p -> period(p, s.currency())).toList(),
                s.months().stream().map(p -> period(p, s.currency())).toList())).toList();
    }

    private static ReceivableViews.Period period(PurchaseStatistics.Period p, String currency) {
        return new ReceivableViews.Period(p.period(), money(p.amount(), currency), p.orders(), p.growthRate());
    }

    private static Money money(BigDecimal amount, String currency) {
        return new MoneyAmount(amount, currency).toMoney();
    }
}
