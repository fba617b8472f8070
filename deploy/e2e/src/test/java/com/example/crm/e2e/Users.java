package com.example.crm.e2e;

import com.example.crm.platform.testing.Tokens;

import java.util.UUID;

/** The people of a test run, each with a token signed by the development key the stack trusts. */
final class Users {

    /** Unique per run, so that a reused stack's earlier data never counts as this run's. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static final String REP_ID = "rep-" + RUN;
    static final String REP = Tokens.bearer(REP_ID, "crm-sales");
    static final String OTHER_REP_ID = "rep-other-" + RUN;
    static final String OTHER_REP = Tokens.bearer(OTHER_REP_ID, "crm-sales");
    static final String SERVICE_DESK_ID = "service-" + RUN;
    static final String SERVICE_DESK = Tokens.bearer(SERVICE_DESK_ID, "crm-service");
    static final String MANAGER = Tokens.bearer("manager-" + RUN, "crm-manager");
    static final String ADMIN = Tokens.bearer("admin-" + RUN, "crm-admin");
    static final String AUDITOR = Tokens.bearer("auditor-" + RUN, "crm-auditor");

    private Users() {
    }
}
