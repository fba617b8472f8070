package com.example.crm.platform.security;

/** The suite's roles (JWT {@code groups} claim), docs/domain.md, "Roles and access". */
public final class Roles {
    public static final String ADMIN = "crm-admin";
    public static final String MANAGER = "crm-manager";
    public static final String SALES = "crm-sales";
    /** complaint handlers */
    public static final String SERVICE = "crm-service";
    /** other systems: read and event-style access */
    public static final String INTEGRATION = "crm-integration";
    /** read-only */
    public static final String AUDITOR = "crm-auditor";

    private Roles() {
    }
}
