package com.example.crm.interaction.orders.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One instalment of an order's receivable plan (回款计划): due on a day, an amount, what was paid of it. */
@Entity
@Table(name = "receivable_instalment")
public class ReceivableInstalment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID orderId;
    public UUID clientId;
    public int seq;
    public LocalDate dueOn;
    public BigDecimal amount;
    public String currency;
    public BigDecimal paidAmount = BigDecimal.ZERO;
    public int reminderDays;

    @Enumerated(EnumType.STRING)
    public InstalmentStatus status;

    /** The day the daily check found it past due and unpaid (it emits payment-overdue once, then). */
    public LocalDate overdueSince;
    public Instant voidedAt;
    public Instant createdAt;

    public BigDecimal outstanding() {
        return status == InstalmentStatus.VOID ? BigDecimal.ZERO : amount.subtract(paidAmount);
    }

    /** Days past due on {@code today} while unpaid; 0 when not due yet or settled. */
    public long daysOverdue(LocalDate today) {
        return status.isOpen() && dueOn.isBefore(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    /** The first day to remind the client of it. */
    public LocalDate remindFrom() {
        return dueOn.minusDays(reminderDays);
    }

    /** Takes up to {@code available} of a payment; returns what it took. */
    public BigDecimal settle(BigDecimal available) {
        BigDecimal taken = available.min(outstanding());
        paidAmount = paidAmount.add(taken);
        refreshStatus();
        return taken;
    }

    public void refreshStatus() {
        if (status == InstalmentStatus.VOID) {
            return;
        }
        if (paidAmount.compareTo(amount) >= 0) {
            status = InstalmentStatus.PAID;
        } else if (overdueSince != null) {
            status = InstalmentStatus.OVERDUE;
        } else {
            status = paidAmount.signum() > 0 ? InstalmentStatus.PARTIAL : InstalmentStatus.PENDING;
        }
    }

    public void voidAt(Instant at) {
        status = InstalmentStatus.VOID;
        voidedAt = at;
    }
}
