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
}
