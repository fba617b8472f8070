package com.example.crm.complaint.domain;

/** How bad; it selects the SLA targets. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
