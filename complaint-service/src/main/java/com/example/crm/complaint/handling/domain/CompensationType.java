package com.example.crm.complaint.handling.domain;

/** What the customer was given (step 4 of docs/domain.md, "Complaint handling"). */
public enum CompensationType {
    REFUND, REPLACEMENT, REPAIR, DISCOUNT, CREDIT_NOTE, GIFT, SERVICE_VISIT, OTHER
}
