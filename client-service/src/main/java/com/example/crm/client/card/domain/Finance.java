package com.example.crm.client.card.domain;

import com.example.crm.platform.money.MoneyAmount;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Finance and credit: bank details (masked for most roles), credit rating and limit, payment terms. */
@Embeddable
public class Finance {
    public String bankName;
    public String bankAccount;

    @Enumerated(EnumType.STRING)
    public CreditRating creditRating;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "credit_limit_amount")),
            @AttributeOverride(name = "currency", column = @Column(name = "credit_limit_currency"))})
    public MoneyAmount creditLimit;

    public Integer paymentTermsDays;

    /** {@code mine} completed with {@code other}'s values where it has none (a new one when it has none). */
    static Finance completed(Finance mine, Finance other) {
        if (other == null) {
            return mine;
        }
        Finance result = mine == null ? new Finance() : mine;
        result.bankName = Completion.either(result.bankName, other.bankName);
        result.bankAccount = Completion.either(result.bankAccount, other.bankAccount);
        result.creditRating = Completion.either(result.creditRating, other.creditRating);
        result.creditLimit = Completion.either(result.creditLimit, other.creditLimit);
        result.paymentTermsDays = Completion.either(result.paymentTermsDays, other.paymentTermsDays);
        return result;
    }
}
