package com.example.crm.complaint.clients.application;

import com.example.crm.complaint.clients.domain.KeyClientChanged;
import com.example.crm.complaint.clients.domain.KnownClient;
import com.example.crm.complaint.clients.persistence.KnownClientRepository;
import com.example.crm.platform.replica.ClientReplicaSupport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.UUID;

/**
 * The clients this service knows, from client-service's events and segmentation's classification, kept by the
 * platform's replica rules; a merge or an erasure reaches every feature's per-client records through their
 * {@code ClientOwnedData} beans. A KEY-tier or class-A client's open complaints get the stricter SLA at once:
 * {@link KeyClientChanged}.
 */
@ApplicationScoped
public class ComplaintReplica extends ClientReplicaSupport<KnownClient> {

    private final KnownClientRepository clients;
    private final Event<KeyClientChanged> keyClientChanged;

    public ComplaintReplica(KnownClientRepository clients, Event<KeyClientChanged> keyClientChanged) {
        this.clients = clients;
        this.keyClientChanged = keyClientChanged;
    }

    @Override
    protected PanacheRepositoryBase<KnownClient, UUID> clients() {
        return clients;
    }

    @Override
    protected KnownClient newClient() {
        return new KnownClient();
    }

    /** When the client becomes (or stops being) a key client, its open complaints retarget. */
    @Override
    protected void classified(KnownClient client, String previousAbcClass, String previousValueTier) {
        if (KnownClient.isKey(previousAbcClass, previousValueTier) != client.isKey()) {
            keyClientChanged.fire(new KeyClientChanged(client));
        }
    }
}
