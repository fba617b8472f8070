package com.example.crm.complaint.clients.application;

import com.example.crm.complaint.clients.domain.KnownClient;

import com.example.crm.complaint.clients.persistence.KnownClientRepository;
import com.example.crm.complaint.clients.domain.KeyClientChanged;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.replica.ClientReplicaSupport;
import com.example.crm.platform.replica.SegmentClassification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * The clients this service knows, from client-service's events, with segmentation's classification (a KEY-tier or
 * class-A client's open complaints get the stricter SLA at once: {@link KeyClientChanged}). Replays and older versions
 * change nothing; a merge or an erasure reaches every feature's per-client records through their
 * {@link ClientOwnedData} beans.
 */
@ApplicationScoped
public class ComplaintReplica extends ClientReplicaSupport<KnownClient> {

    private static final Logger LOG = Logger.getLogger(ComplaintReplica.class);

    private final KnownClientRepository clients;
    private final Instance<ClientOwnedData> ownedData;
    private final Event<KeyClientChanged> keyClientChanged;
    private final Clock clock;

    public ComplaintReplica(KnownClientRepository clients, Instance<ClientOwnedData> ownedData,
                            Event<KeyClientChanged> keyClientChanged, Clock clock) {
        this.clients = clients;
        this.ownedData = ownedData;
        this.keyClientChanged = keyClientChanged;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClientChange change) {
        applyChange(change);
    }

    @Override
    protected KnownClient find(UUID clientId) {
        return clients.findById(clientId);
    }

    @Override
    protected void register(ClientChange change) {
        KnownClient client = new KnownClient();
        client.id = change.clientId();
        client.version = change.version();
        client.legalName = change.legalName();
        client.status = change.status();
        client.ownerId = change.ownerId();
        client.updatedAt = clock.instant();
        clients.persist(client);
    }

    @Override
    protected void erase(KnownClient client) {
        client.legalName = null;
        client.erasedAt = clock.instant();
        client.updatedAt = client.erasedAt;
        ownedData.forEach(data -> data.scrub(client.id));
    }

    @Override
    protected void change(KnownClient client, ClientChange change) {
        switch (change.kind()) {
            case UPDATED -> {
                if (change.legalName() != null) {
                    client.legalName = change.legalName();
                }
            }
            case STATUS_CHANGED -> client.status = change.status();
            case OWNER_CHANGED -> client.ownerId = change.ownerId();
            case DELETED -> client.deleted = true;
            case RESTORED -> client.deleted = false;
            case MERGED -> {
                KnownClient merged = clients.findById(change.mergedId());
                if (merged != null) {
                    merged.mergedInto = client.id;
                    merged.deleted = true;
                }
                ownedData.forEach(data -> data.moveToClient(change.mergedId(), client.id));
            }
            default -> LOG.debugf("client event %s not used here", change.kind());
        }
        client.version = change.version();
        client.updatedAt = clock.instant();
    }

    /** Keeps the classification; when the client becomes (or stops being) a key client, open complaints retarget. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClassification(SegmentClassification classification) {
        KnownClient client = clients.findById(classification.clientId());
        if (client == null || !classification.newerThan(client.classifiedAt)) {
            return;
        }
        boolean wasKey = client.isKey();
        client.abcClass = classification.abcClass();
        client.valueTier = classification.valueTier();
        client.classifiedAt = classification.computedAt();
        if (wasKey != client.isKey()) {
            keyClientChanged.fire(new KeyClientChanged(client));
        }
    }
}
