package com.example.crm.client.ownership.application;

import com.example.crm.client.card.application.CallerPools;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The pools whose clients the caller sees: every pool for managers, admins and auditors, else those they belong to. */
@RequestScoped
public class PoolsOfCaller implements CallerPools {

    private final PoolService pools;
    private final CurrentUser user;
    private Set<UUID> ids;

    public PoolsOfCaller(PoolService pools, CurrentUser user) {
        this.pools = pools;
        this.user = user;
    }

    @Override
    public Set<UUID> poolsOfCaller() {
        if (ids == null) {
            ids = pools.visible(user.isSupervisor() || user.hasAnyRole(Roles.AUDITOR)).stream()
                    .map(p -> p.id).collect(Collectors.toUnmodifiableSet());
        }
        return ids;
    }
}
