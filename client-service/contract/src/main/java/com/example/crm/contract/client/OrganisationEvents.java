package com.example.crm.contract.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of the organisation's and the teams' events on {@code crm.client.v1}: what a service needs to keep the
 * department tree, the users' places and each client's team as a replica and scope its reads by them. Each event
 * carries the whole new state of what it reports, so a replica applies it by replacing what it holds.
 */
public final class OrganisationEvents {

    /**
     * The record key and subject of every organisation event: one key, so they are applied in the order they
     * happened (a department moved before a user is placed in it).
     */
    public static final UUID KEY = new UUID(0L, 0L);

    /** A department as it now is: {@code closed} once closed; {@code parentId} null at the top of the tree. */
    public record DepartmentChanged(String departmentId, Long version, String name, String parentId, Boolean closed,
                                    String change, Instant changedAt) {
    }

    /** A user placed in a department (as its manager or not); {@code previousDepartmentId} null the first time. */
    public record MemberPlaced(String userId, Long version, String departmentId, String previousDepartmentId,
                               Boolean manager, Instant placedAt) {
    }

    /** A client's team as it now is. */
    public record TeamChanged(UUID clientId, Long version, List<TeamMember> members, Instant changedAt) {
    }

    /** A team member: READ, or EDIT (may also change the card and log contacts). */
    public record TeamMember(String userId, String access) {
    }

    private OrganisationEvents() {
    }
}
