package com.example.crm.complaint.handling.domain;

/** How bad; it selects the SLA targets. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
