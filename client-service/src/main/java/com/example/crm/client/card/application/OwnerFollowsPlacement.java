package com.example.crm.client.card.application;

import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.organisation.application.PlacementFollowers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A user placed in another department takes the clients they own with them (their owner department). */
@ApplicationScoped
public class OwnerFollowsPlacement implements PlacementFollowers {

    private final ClientRepository clients;

    public OwnerFollowsPlacement(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void ownerMoved(String userId, String departmentId) {
        clients.ownerMoved(userId, departmentId);
    }
}
