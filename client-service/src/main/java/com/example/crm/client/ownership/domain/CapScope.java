package com.example.crm.client.ownership.domain;

/** Whom an ownership cap limits. */
public enum CapScope {
    USER, DEPARTMENT
}
