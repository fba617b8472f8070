package com.example.crm.contract.client;

/**
 * The event types of {@code crm.client.v1}; each has its JSON Schema in
 * {@code asyncapi/crm.client.v1/schemas/<type>.json} of this artifact.
 */
public final class ClientEventTypes {

    public static final String TOPIC = "crm.client.v1";

    public static final String REGISTERED = "crm.client.registered.v1";
    public static final String UPDATED = "crm.client.updated.v1";
    public static final String STATUS_CHANGED = "crm.client.status-changed.v1";
    public static final String OWNER_CHANGED = "crm.client.owner-changed.v1";
    public static final String DELETED = "crm.client.deleted.v1";
    public static final String RESTORED = "crm.client.restored.v1";
    public static final String ERASED = "crm.client.erased.v1";
    public static final String MERGED = "crm.client.merged.v1";
    public static final String RETURNED_TO_POOL = "crm.client.returned-to-pool.v1";
    public static final String CLAIMED = "crm.client.claimed.v1";
    public static final String RECALL_WARNING = "crm.client.recall-warning.v1";
    /** A client's team members (协作人) changed; keyed by the client. */
    public static final String TEAM_CHANGED = "crm.client.team-changed.v1";
    /** A department was opened, renamed, moved or closed; keyed by {@link OrganisationEvents#KEY}. */
    public static final String DEPARTMENT_CHANGED = "crm.client.department-changed.v1";
    /** A user was placed in a department; keyed by {@link OrganisationEvents#KEY}. */
    public static final String MEMBER_PLACED = "crm.client.member-placed.v1";

    private ClientEventTypes() {
    }
}
