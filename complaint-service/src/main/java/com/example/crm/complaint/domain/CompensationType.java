package com.example.crm.complaint.domain;

/** What the customer was given (step 4 of seed 000). */
public enum CompensationType {
    REFUND, REPLACEMENT, REPAIR, DISCOUNT, CREDIT_NOTE, GIFT, SERVICE_VISIT, OTHER
}
