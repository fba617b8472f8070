package com.example.crm.complaint.domain;

/** What investigation found to be the cause (step 2 of seed 000). */
public enum RootCause {
    PRODUCT_DEFECT, DELIVERY_DELAY, STAFF_BEHAVIOUR, BILLING_ERROR, PROCESS_GAP, MISUNDERSTANDING, THIRD_PARTY, OTHER
}
