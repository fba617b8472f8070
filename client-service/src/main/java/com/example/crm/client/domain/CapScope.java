package com.example.crm.client.domain;

/** Whom an ownership cap limits. */
public enum CapScope {
    USER, DEPARTMENT
}
