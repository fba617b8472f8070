package com.example.crm.platform.scope;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A change of the organisation or of a client's team as a service's replica of them needs it; client-service's
 * contract ({@code client-contract}) reads its events into these.
 */
public sealed interface OrganisationChange {

    /** A department as it now is. */
    record DepartmentSaved(String departmentId, long version, String name, String parentId, boolean closed,
                           Instant changedAt) implements OrganisationChange {
    }

    /** Where a user now works. */
    record MemberPlaced(String userId, long version, String departmentId, boolean manager, Instant placedAt)
            implements OrganisationChange {
    }

    /** A client's whole team: user id to access (READ or EDIT). */
    record TeamReplaced(UUID clientId, Map<String, String> members) implements OrganisationChange {
    }
}
