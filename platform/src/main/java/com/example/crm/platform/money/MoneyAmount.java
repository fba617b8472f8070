package com.example.crm.platform.money;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** Money as stored: numeric amount and ISO 4217 currency (columns renamed per use with @AttributeOverride). */
@Embeddable
public class MoneyAmount {

    @Column(precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(length = 3)
    public String currency;

    public MoneyAmount() {
    }

    public MoneyAmount(BigDecimal amount, String currency) {
        this.amount = amount;
        this.currency = currency;
    }

    public static MoneyAmount from(Money money) {
        return money == null ? null : new MoneyAmount(money.decimal(), money.currency());
    }

    public Money toMoney() {
        if (amount == null) {
            return null;
        }
        // 1000.0000 → "1000.00", 12.3450 → "12.345": at least cents, no trailing zeros beyond them
        return new Money(amount.setScale(Math.max(2, amount.stripTrailingZeros().scale())).toPlainString(), currency);
    }
}
