package com.example.crm.interaction.clients.application;

import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.platform.replica.ClientReplicaSupport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The clients this service knows, kept from client-service's events ({@code crm.client.v1}) by the platform's
 * replica rules. Visit plans and cadences follow an owner change, a merge or an erasure through their own
 * {@code ClientOwnedData} bean, the per-client tables through {@code InteractionClientTables} (one line each); a
 * merged duplicate's latest contact is the survivor's when it is more recent ({@link KnownClient#absorb}).
 */
@ApplicationScoped
public class ClientReplica extends ClientReplicaSupport<KnownClient> {

    private final KnownClientRepository clients;

    public ClientReplica(KnownClientRepository clients) {
        this.clients = clients;
    }

    @Override
    protected PanacheRepositoryBase<KnownClient, UUID> clients() {
        return clients;
    }

    @Override
    protected KnownClient newClient() {
        return new KnownClient();
    }
}
