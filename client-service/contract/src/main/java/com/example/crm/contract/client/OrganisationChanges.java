package com.example.crm.contract.client;

import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import com.example.crm.platform.events.MalformedEventException;
import com.example.crm.platform.scope.OrganisationChange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads an event of {@code crm.client.v1} about the organisation or a client's team as the change a replica applies. */
public final class OrganisationChanges {

    private OrganisationChanges() {
    }

    /** The change the event reports; empty for the card's own events. */
    public static Optional<OrganisationChange> from(CloudEvent event, CloudEvents cloudEvents) {
        switch (event.type()) {
            case ClientEventTypes.DEPARTMENT_CHANGED -> {
                OrganisationEvents.DepartmentChanged d = cloudEvents.data(event, OrganisationEvents.DepartmentChanged.class);
                require(d.departmentId() != null && d.version() != null && d.name() != null && d.changedAt() != null,
                        event, "departmentId, version, name and changedAt");
                return Optional.of(new OrganisationChange.DepartmentSaved(d.departmentId(), d.version(), d.name(),
                        d.parentId(), Boolean.TRUE.equals(d.closed()), d.changedAt()));
            }
            case ClientEventTypes.MEMBER_PLACED -> {
                OrganisationEvents.MemberPlaced m = cloudEvents.data(event, OrganisationEvents.MemberPlaced.class);
                require(m.userId() != null && m.version() != null && m.departmentId() != null && m.placedAt() != null,
                        event, "userId, version, departmentId and placedAt");
                return Optional.of(new OrganisationChange.MemberPlaced(m.userId(), m.version(), m.departmentId(),
                        Boolean.TRUE.equals(m.manager()), m.placedAt()));
            }
            case ClientEventTypes.TEAM_CHANGED -> {
                OrganisationEvents.TeamChanged t = cloudEvents.data(event, OrganisationEvents.TeamChanged.class);
                require(t.clientId() != null && t.members() != null, event, "clientId and members");
                Map<String, String> members = new LinkedHashMap<>();
                t.members().forEach(m -> members.put(m.userId(), m.access()));
                return Optional.of(new OrganisationChange.TeamReplaced(t.clientId(), members));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static void require(boolean present, CloudEvent event, String fields) {
        if (!present) {
            throw new MalformedEventException("data of " + event.type() + " must carry " + fields);
        }
    }
}
