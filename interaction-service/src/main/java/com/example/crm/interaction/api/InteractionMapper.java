package com.example.crm.interaction.api;

import com.example.crm.interaction.domain.Interaction;
import com.example.crm.interaction.domain.KnownClient;
import com.example.crm.interaction.domain.OrderService;
import com.example.crm.interaction.domain.OrderStatus;
import com.example.crm.platform.money.MoneyAmount;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface InteractionMapper {

    @Mapping(target = "checkIn", expression = "java(checkIn(interaction))")
    InteractionView toView(Interaction interaction);

    default InteractionView.CheckInView checkIn(Interaction i) {
        return i.checkInAt == null ? null
                : new InteractionView.CheckInView(i.checkInLatitude, i.checkInLongitude, i.checkInAddress, i.checkInAt);
    }

    default OrderView toView(com.example.crm.interaction.domain.ClientOrder order) {
        return new OrderView(order.id, order.clientId, order.version, order.orderedAt, order.status,
                OrderService.total(order), money(order.paidAmount, order.currency),
                money(order.status == OrderStatus.CANCELLED ? BigDecimal.ZERO
                        : order.totalAmount.subtract(order.paidAmount), order.currency),
                order.lines.stream().map(l -> new OrderView.LineView(l.productCategory(), l.description(), l.quantity(),
                        money(l.unitPrice(), order.currency), money(l.amount(), order.currency))).toList(),
                order.status.allowedNext().stream().sorted().toList(), order.deliveredAt, order.cancelledAt,
                order.cancelReason, order.createdAt, order.createdBy);
    }

    private static com.example.crm.platform.money.Money money(java.math.BigDecimal amount, String currency) {
        return new MoneyAmount(amount, currency).toMoney();
    }

    default TodoItem toTodo(KnownClient client, LocalDate day) {
        return new TodoItem(client.id, client.legalName, client.nextContactOn,
                ChronoUnit.DAYS.between(client.nextContactOn, day), client.lastContactAt);
    }
}
