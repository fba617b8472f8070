package com.example.crm.client.ownership.application;

import com.example.crm.client.activity.domain.ClientActivity;
import com.example.crm.client.activity.persistence.ActivityRepository;
import com.example.crm.client.card.application.ClientService;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.client.ownership.domain.ScheduledRecall;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.client.ownership.persistence.PoolRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Where a client stands: its owner or pool, whether it has a deal, its activity, and its next recall. */
@ApplicationScoped
public class Standings {

    private final ClientService cards;
    private final PoolRepository pools;
    private final OwnershipQueries queries;
    private final ActivityRepository activity;

    public Standings(ClientService cards, PoolRepository pools, OwnershipQueries queries, ActivityRepository activity) {
        this.cards = cards;
        this.pools = pools;
        this.queries = queries;
        this.activity = activity;
    }

    /** Where a client stands: owner or pool, deal, last follow-up and order, and when which rule would recall it. */
    public record Standing(Client client, Pool pool, boolean hasDeal, ClientActivity activity, ScheduledRecall recall) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing of(UUID clientId) {
        return of(cards.get(clientId));
    }

    /** The standing of a client already loaded (and checked) by the caller. */
    public Standing of(Client client) {
        UUID clientId = client.id;
        UUID governing = client.poolId;
        Pool pool = governing != null ? pools.findById(governing) : pools.defaultPool().orElse(null);
        return new Standing(client, pool, queries.hasDeal(clientId), activity.find(clientId),
                queries.scheduled(clientId).orElse(null));
    }
}
