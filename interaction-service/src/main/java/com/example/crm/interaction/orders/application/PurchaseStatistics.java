package com.example.crm.interaction.orders.application;

import com.example.crm.interaction.orders.persistence.OrderRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's purchases in one currency (docs/domain.md, "Visits and cadences"; 购买数量、时间): totals by month and
 * year, year-over-year growth, average order interval, first and last order. Cancelled orders do not count; months
 * are in the business zone.
 */
public record PurchaseStatistics(String currency, long orderCount, Instant firstOrderAt, Instant lastOrderAt,
                                 BigDecimal averageOrderIntervalDays, List<Period> years, List<Period> months) {

    /**
     * A month ({@code 2026-11}) or year ({@code 2026}); growthRate is the change against the previous year as a
     * fraction (0.25 = +25%), null for months, for the first year and when the previous year had no revenue.
     */
    public record Period(String period, BigDecimal amount, long orders, BigDecimal growthRate) {
    }

    public static PurchaseStatistics of(OrderRepository.Span span, List<OrderRepository.MonthTotal> monthTotals) {
        List<Period> months = new ArrayList<>();
        Map<Integer, BigDecimal> yearAmounts = new TreeMap<>();
        Map<Integer, Long> yearOrders = new TreeMap<>();
        for (OrderRepository.MonthTotal m : monthTotals) {
            months.add(new Period(m.month(), m.amount(), m.orders(), null));
            int year = Integer.parseInt(m.month().substring(0, 4));
            yearAmounts.merge(year, m.amount(), BigDecimal::add);
            yearOrders.merge(year, m.orders(), Long::sum);
        }
        List<Period> years = new ArrayList<>();
        yearAmounts.forEach((year, amount) -> {
            BigDecimal previous = yearAmounts.get(year - 1);
            BigDecimal growth = previous == null || previous.signum() == 0 ? null
                    : amount.subtract(previous).divide(previous, 4, RoundingMode.HALF_UP);
            years.add(new Period(Integer.toString(year), amount, yearOrders.get(year), growth));
        });
        BigDecimal interval = span.orders() < 2 ? null
                : BigDecimal.valueOf(Duration.between(span.first(), span.last()).toSeconds())
                .divide(BigDecimal.valueOf(86_400L * (span.orders() - 1)), 1, RoundingMode.HALF_UP);
        return new PurchaseStatistics(span.currency(), span.orders(), span.first(), span.last(), interval, years, months);
    }
}
