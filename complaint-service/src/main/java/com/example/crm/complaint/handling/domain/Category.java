package com.example.crm.complaint.handling.domain;

/** What a complaint (or a solution) is about. */
public enum Category {
    PRODUCT_QUALITY, DELIVERY, SERVICE_ATTITUDE, BILLING, AFTER_SALES, OTHER
}
