package com.example.crm.interaction.orders.domain;

/** How a payment arrived; ACCEPTANCE_BILL is a bank or commercial acceptance draft (承兑汇票). */
public enum PaymentMethod {
    BANK_TRANSFER, ACCEPTANCE_BILL, CHEQUE, CASH, CARD, ONLINE, OTHER
}
