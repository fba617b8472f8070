package com.example.crm.interaction.orders.application;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.domain.OrderStatus;
import com.example.crm.interaction.orders.persistence.OrderRepository;
import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Orders: placed with lines or a total in one currency, delivered or cancelled; each change is an event. */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final ClientReplica replica;
    private final OrderEvents events;
    private final ReceivableService receivables;
    private final PlatformConfig platform;
    private final CurrentUser user;
    private final Clock clock;

    public OrderService(OrderRepository orders, ClientReplica replica, OrderEvents events,
                        ReceivableService receivables, PlatformConfig platform, CurrentUser user, Clock clock) {
        this.orders = orders;
        this.replica = replica;
        this.events = events;
        this.receivables = receivables;
        this.platform = platform;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public ClientOrder place(UUID clientId, OrderInput input) {
        KnownClient client = replica.ownersWritable(clientId, "client " + clientId);
        List<OrderInput.Line> lines = input.lines() == null ? List.of() : input.lines();
        if (lines.isEmpty() && input.total() == null) {
            throw new DomainException.InvalidValue("lines", "an order needs lines or a total");
        }
        String currency = input.total() != null ? input.total().currency() : lines.get(0).unitPrice().currency();
        ClientOrder order = new ClientOrder();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            OrderInput.Line line = lines.get(i);
            if (!line.unitPrice().currency().equals(currency)) {
                throw new DomainException.InvalidValue("lines[" + i + "].unitPrice.currency",
                        "must be " + currency + " like the rest of the order");
            }
            BigDecimal amount = line.quantity().multiply(line.unitPrice().decimal()).setScale(4, RoundingMode.HALF_UP);
            order.lines.add(new ClientOrder.Line(line.productCategory(), line.description(), line.quantity(),
                    line.unitPrice().decimal(), amount));
            sum = sum.add(amount);
        }
        BigDecimal total = lines.isEmpty() ? input.total().decimal() : sum;
        if (input.total() != null && !lines.isEmpty() && input.total().decimal().compareTo(sum) != 0) {
            throw new DomainException.InvalidValue("total", "is " + input.total().amount() + " but the lines add up to "
                    + sum.stripTrailingZeros().toPlainString());
        }
        if (total.signum() <= 0) {
            throw new DomainException.InvalidValue(lines.isEmpty() ? "total.amount" : "lines", "an order amounts to more than zero");
        }
        Instant orderedAt = input.orderedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        Instant now = clock.instant();
        if (orderedAt.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw new DomainException.InvalidValue("orderedAt", "must not be in the future");
        }
        order.id = UUID.randomUUID();
        order.clientId = clientId;
        order.orderedAt = orderedAt;
        order.status = OrderStatus.PLACED;
        order.currency = currency;
        order.totalAmount = total;
        order.createdAt = now;
        order.createdBy = user.id();
        orders.persistAndFlush(order);
        receivables.openDefaultPlan(order);
        events.orderPlaced(order);
        return order;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientOrder get(UUID id) {
        return orders.findByIdOptional(id).filter(o -> replica.sees(o.clientId))
                .orElseThrow(() -> new DomainException.NotFound("order", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientOrder> list(UUID clientId, OrderRepository.After after, int limit) {
        replica.visible(clientId);
        return orders.page(clientId, after, limit + 1);
    }

    @Transactional
    public ClientOrder cancel(UUID id, ExpectedVersion expected, String reason) {
        ClientOrder order = changeable(id, expected);
        order.cancel(clock.instant(), reason);
        receivables.voidPlan(order);
        orders.flush();
        events.orderCancelled(order);
        return order;
    }

    @Transactional
    public ClientOrder deliver(UUID id, ExpectedVersion expected) {
        ClientOrder order = changeable(id, expected);
        order.deliver(clock.instant());
        orders.flush();
        return order;
    }

    private ClientOrder changeable(UUID id, ExpectedVersion expected) {
        ClientOrder order = get(id);
        user.requireOwnerOrSupervisor(replica.visible(order.clientId).ownerId, "the client of order " + id);
        expected.check(order.version);
        return order;
    }

    /** Purchase statistics per currency the client ordered in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PurchaseStatistics> statistics(UUID clientId) {
        replica.visible(clientId);
        List<OrderRepository.MonthTotal> months = orders.monthlyTotals(clientId, platform.zone());
        return orders.spans(clientId).stream().map(span -> PurchaseStatistics.of(span,
                months.stream().filter(m -> m.currency().equals(span.currency())).toList())).toList();
    }
}
