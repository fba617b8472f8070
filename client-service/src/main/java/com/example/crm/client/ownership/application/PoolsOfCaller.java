package com.example.crm.client.ownership.application;

import com.example.crm.client.card.application.CallerPools;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The pools whose clients the caller sees: every pool for managers, admins and auditors, else those they belong to. */
@RequestScoped
public class PoolsOfCaller implements CallerPools {

    private final PoolService pools;
    private Set<UUID> ids;

    public PoolsOfCaller(PoolService pools) {
        this.pools = pools;
    }

    @Override
    public Set<UUID> poolsOfCaller() {
        if (ids == null) {
            ids = pools.visible().stream()
                    .map(p -> p.id).collect(Collectors.toUnmodifiableSet());
        }
        return ids;
    }
}
