package com.example.crm.complaint.handling.domain;

/** What investigation found to be the cause (step 2 of docs/domain.md, "Complaint handling"). */
public enum RootCause {
    PRODUCT_DEFECT, DELIVERY_DELAY, STAFF_BEHAVIOUR, BILLING_ERROR, PROCESS_GAP, MISUNDERSTANDING, THIRD_PARTY, OTHER
}
