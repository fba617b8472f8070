package com.example.crm.platform.money;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money as it crosses the API and the topics: a decimal string and an ISO 4217 currency
 * code, never a floating-point number.
 */
public record Money(
        @NotNull @Pattern(regexp = "-?\\d{1,15}(\\.\\d{1,4})?", message = "must be a decimal string with at most 15 integer and 4 fraction digits")
        String amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") @IsoCurrency
        String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.toPlainString(), currency);
    }

    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }

    static boolean knownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
