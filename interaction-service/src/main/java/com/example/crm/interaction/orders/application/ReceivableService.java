package com.example.crm.interaction.orders.application;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.domain.InstalmentStatus;
import com.example.crm.interaction.orders.domain.OrderStatus;
import com.example.crm.interaction.orders.domain.Payment;
import com.example.crm.interaction.orders.domain.ReceivableInstalment;
import com.example.crm.interaction.orders.persistence.OrderRepository;
import com.example.crm.interaction.orders.persistence.PaymentRepository;
import com.example.crm.interaction.orders.persistence.ReceivableRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.money.MoneyAmount;
import com.example.crm.platform.security.CallerScope;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.example.crm.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Receivables: every order owes its total in instalments (回款计划), payments (回款) settle them, and a recurring
 * check flags what is past due. Amounts are decimals in the order's currency; "today" is a day in the business zone.
 * Nine collaborators: besides the three tables it keeps (instalments, payments, orders) and its events, a plan and a
 * payment need the client replica (writable?), the business calendar and the clock (due days), the configuration
 * (overdue check) and the caller (who may).
 */
@ApplicationScoped
public class ReceivableService {

    private static final Logger LOG = Logger.getLogger(ReceivableService.class);
    private static final int FLAG_BATCH = 200;

    private final ReceivableRepository instalments;
    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final ClientReplica replica;
    private final OrderEvents events;
    private final InteractionConfig config;
    private final BusinessCalendar calendar;
    private final CurrentUser user;
    private final CallerScope scope;
    private final Clock clock;

    public ReceivableService(ReceivableRepository instalments, PaymentRepository payments, OrderRepository orders,
                             ClientReplica replica, OrderEvents events, InteractionConfig config,
                             BusinessCalendar calendar, CurrentUser user, Clock clock,
                             CallerScope scope) {
        this.scope = scope;
        this.instalments = instalments;
        this.payments = payments;
        this.orders = orders;
        this.replica = replica;
        this.events = events;
        this.config = config;
        this.calendar = calendar;
        this.user = user;
        this.clock = clock;
    }

    /** An order with its current plan. */
    public record Plan(ClientOrder order, List<ReceivableInstalment> instalments) {
    }

    /** A client's receivables on {@code asOf}: totals per currency and the open instalments, earliest due first. */
    public record Summary(UUID clientId, LocalDate asOf, List<ReceivableRepository.Totals> totals,
                          List<ReceivableInstalment> open) {
    }

    /** The default plan of a new order: its total, due after the configured payment terms. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openDefaultPlan(ClientOrder order) {
        LocalDate orderDay = calendar.dayOf(order.orderedAt);
        persist(order, 1, orderDay.plusDays(config.receivables().paymentTermsDays()), order.totalAmount,
                config.receivables().reminderDays());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan plan(UUID orderId) {
        ClientOrder order = orders.findByIdOptional(orderId).filter(o -> replica.sees(o.clientId))
                .orElseThrow(() -> new DomainException.NotFound("order", orderId));
        return new Plan(order, instalments.plan(orderId));
    }

    /**
     * Replaces an order's plan. The instalments must add up to the order's total, in its currency, due no earlier
     * than the order day. What was paid so far settles the new instalments, earliest first; the old ones are VOID.
     */
    @Transactional
    public Plan replacePlan(UUID orderId, ExpectedVersion expected, ReceivableInputs.Plan input) {
        ClientOrder order = changeableOrder(orderId);
        expected.check(order.version);
        LocalDate orderDay = calendar.dayOf(order.orderedAt);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < input.instalments().size(); i++) {
            ReceivableInputs.Instalment in = input.instalments().get(i);
            if (!in.amount().currency().equals(order.currency)) {
                throw new DomainException.InvalidValue("instalments[" + i + "].amount.currency",
                        "must be " + order.currency + ", the order's currency");
            }
            if (in.amount().decimal().signum() <= 0) {
                throw new DomainException.InvalidValue("instalments[" + i + "].amount.amount", "must be more than zero");
            }
            if (in.dueOn().isBefore(orderDay)) {
                throw new DomainException.InvalidValue("instalments[" + i + "].dueOn", "must not be before the order day " + orderDay);
            }
            sum = sum.add(in.amount().decimal());
        }
        if (sum.compareTo(order.totalAmount) != 0) {
            throw new DomainException.InvalidValue("instalments", "add up to " + sum.stripTrailingZeros().toPlainString()
                    + " but the order amounts to " + order.totalAmount.stripTrailingZeros().toPlainString());
        }
        Instant now = clock.instant();
        instalments.plan(orderId).forEach(old -> old.voidAt(now));
        List<ReceivableInputs.Instalment> sorted = input.instalments().stream()
                .sorted(Comparator.comparing(ReceivableInputs.Instalment::dueOn)).toList();
        List<ReceivableInstalment> plan = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ReceivableInputs.Instalment in = sorted.get(i);
            plan.add(persist(order, i + 1, in.dueOn(), in.amount().decimal(),
                    in.reminderDays() == null ? 0 : in.reminderDays()));
        }
        BigDecimal paid = order.paidAmount;
        for (ReceivableInstalment instalment : plan) {
            paid = paid.subtract(instalment.settle(paid));
        }
        orders.getEntityManager().lock(order, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        instalments.flush();
        return new Plan(order, plan);
    }

    /**
     * Records a payment. Against an instalment it may not exceed what that instalment still owes; against the
     * order, what the order still owes, settling the earliest open instalments first.
     */
    @Transactional
    public Payment recordPayment(UUID orderId, ReceivableInputs.Payment input) {
        ClientOrder order = changeableOrder(orderId);
        if (!input.amount().currency().equals(order.currency)) {
            throw new DomainException.InvalidValue("amount.currency", "must be " + order.currency + ", the order's currency");
        }
        BigDecimal amount = input.amount().decimal();
        if (amount.signum() <= 0) {
            throw new DomainException.InvalidValue("amount.amount", "must be more than zero");
        }
        Instant paidAt = input.paidAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (paidAt.isAfter(clock.instant().plus(5, ChronoUnit.MINUTES))) {
            throw new DomainException.InvalidValue("paidAt", "must not be in the future");
        }
        List<ReceivableInstalment> open = instalments.plan(orderId).stream().filter(i -> i.status.isOpen()).toList();
        if (input.instalmentId() != null) {
            ReceivableInstalment target = open.stream().filter(i -> i.id.equals(input.instalmentId())).findFirst()
                    .orElseThrow(() -> new DomainException.InvalidValue("instalmentId",
                            "is not an open instalment of order " + orderId));
            requireOwed(amount, target.outstanding(), order.currency, "instalment " + target.seq);
            open = List.of(target);
        } else {
            requireOwed(amount, order.totalAmount.subtract(order.paidAmount), order.currency, "the order");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.clientId = order.clientId;
        payment.orderId = orderId;
        payment.instalmentId = input.instalmentId();
        payment.amount = amount;
        payment.currency = order.currency;
        payment.paidAt = paidAt;
        payment.method = input.method();
        payment.reference = input.reference();
        BigDecimal left = amount;
        for (ReceivableInstalment instalment : open) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal taken = instalment.settle(left);
            payment.allocations.add(new Payment.Allocation(instalment.id, taken));
            left = left.subtract(taken);
        }
        order.paidAmount = order.paidAmount.add(amount);
        payment.recordedAt = clock.instant();
        payment.recordedBy = user.id();
        payments.persist(payment);
        payments.flush();
        events.paymentRecorded(payment, order);
        return payment;
    }

    private static void requireOwed(BigDecimal amount, BigDecimal owed, String currency, String what) {
        if (amount.compareTo(owed) > 0) {
            throw new DomainException.RuleViolation("the payment of "
                    + amount.stripTrailingZeros().toPlainString() + " " + currency + " is more than " + what
                    + " still owes (" + owed.stripTrailingZeros().toPlainString() + ")")
                    .with("owed", new MoneyAmount(owed, currency).toMoney());
        }
    }

    /** A cancelled order owes nothing: its open instalments become VOID. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void voidPlan(ClientOrder order) {
        Instant now = clock.instant();
        instalments.plan(order.id).forEach(i -> i.voidAt(now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary receivables(UUID clientId) {
        replica.visible(clientId);
        LocalDate today = calendar.today();
        return new Summary(clientId, today, instalments.totals(clientId, today), instalments.openOfClient(clientId, 500));
    }

    /** A rep's collection list (回款跟进): open instalments of the clients they own, earliest due first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReceivableRepository.Collectible> collection(String owner, boolean overdueOnly,
                                                                ReceivableRepository.After after, int limit) {
        scope.requireSelfOrReaderInScope(owner, "collection list", Roles.AUDITOR);
        return instalments.collection(owner, overdueOnly, calendar.today(), after, limit + 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Payment payment(UUID id) {
        return payments.findByIdOptional(id).filter(p -> replica.sees(p.clientId))
                .orElseThrow(() -> new DomainException.NotFound("payment", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Payment> payments(UUID clientId, PaymentRepository.After after, int limit) {
        replica.visible(clientId);
        return payments.page(clientId, after, limit + 1);
    }

    /**
     * Flags instalments past due on {@code today} and unpaid as OVERDUE and announces each once
     * (payment-overdue), in batches of their own transactions; safe to run on several replicas at once.
     */
    public int flagOverdue(LocalDate today) {
        int flagged = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<ReceivableInstalment> due = instalments.lockUnflaggedPastDue(today, FLAG_BATCH);
                Instant now = clock.instant();
                for (ReceivableInstalment instalment : due) {
                    instalment.overdueSince = today;
                    instalment.refreshStatus();
                    events.paymentOverdue(instalment, today, now);
                }
                return due.size();
            });
            flagged += batch;
        } while (batch == FLAG_BATCH);
        if (flagged > 0) {
            LOG.infof("%d instalments became overdue on %s", flagged, today);
        }
        return flagged;
    }

    private ClientOrder changeableOrder(UUID orderId) {
        ClientOrder order = orders.findByIdOptional(orderId, LockModeType.PESSIMISTIC_WRITE)
                .filter(o -> replica.sees(o.clientId))
                .orElseThrow(() -> new DomainException.NotFound("order", orderId));
        replica.ownersWritable(order.clientId, "client " + order.clientId);
        if (order.status == OrderStatus.CANCELLED) {
            throw new DomainException.Conflict("order " + orderId + " is cancelled and owes nothing");
        }
        return order;
    }

    private ReceivableInstalment persist(ClientOrder order, int seq, LocalDate dueOn, BigDecimal amount, int reminderDays) {
        ReceivableInstalment instalment = new ReceivableInstalment();
        instalment.id = UUID.randomUUID();
        instalment.orderId = order.id;
        instalment.clientId = order.clientId;
        instalment.seq = seq;
        instalment.dueOn = dueOn;
        instalment.amount = amount;
        instalment.currency = order.currency;
        instalment.reminderDays = reminderDays;
        instalment.status = InstalmentStatus.PENDING;
        instalment.createdAt = clock.instant();
        instalments.persist(instalment);
        return instalment;
    }
}
