package com.example.crm.interaction.clients.application;

import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.replica.ClientOwnedTables;
import com.example.crm.platform.replica.ClientReplicaSupport;
import com.example.crm.platform.replica.SegmentClassification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The clients this service knows, kept from client-service's events ({@code crm.client.v1}). An event whose
 * card version is not newer than the replica's is a replay and changes nothing. An owner change, a merge or an
 * erasure reaches the records that belong to the client through the {@link ClientOwnedData} beans: the features'
 * own rules first (visit plans and cadences), then the per-client tables ({@code InteractionClientTables} lists
 * them, one line each), whose statements run beside the session.
 */
@ApplicationScoped
public class ClientReplica extends ClientReplicaSupport<KnownClient> {

    private static final Logger LOG = Logger.getLogger(ClientReplica.class);

    private final KnownClientRepository clients;
    private final List<ClientOwnedData> ownedData;
    private final Clock clock;

    public ClientReplica(KnownClientRepository clients, Instance<ClientOwnedData> ownedData, Clock clock) {
        this.clients = clients;
        // entity rules first, table statements last: they must see what the rules flushed
        this.ownedData = ownedData.stream().sorted(Comparator.comparing(data -> data instanceof ClientOwnedTables))
                .toList();
        this.clock = clock;
    }

    /** Applies one event of {@code crm.client.v1}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClientChange change) {
        applyChange(change);
    }

    /**
     * Keeps segmentation's classification of a client on the replica; the client when it was applied, empty when the
     * client is not known here or the classification is not newer than the one applied (a replay).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KnownClient> applyClassification(SegmentClassification classification) {
        KnownClient client = clients.findById(classification.clientId());
        if (client == null) {
            LOG.debugf("classification of client %s not known here: ignored", classification.clientId());
            return Optional.empty();
        }
        if (!classification.newerThan(client.classifiedAt)) {
            return Optional.empty();
        }
        client.abcClass = classification.abcClass();
        client.valueTier = classification.valueTier();
        client.classifiedAt = classification.computedAt();
        return Optional.of(client);
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
    protected void change(KnownClient client, ClientChange change) {
        switch (change.kind()) {
            case UPDATED -> {
                if (change.legalName() != null) {
                    client.legalName = change.legalName();
                }
            }
            case STATUS_CHANGED -> client.status = change.status();
            case OWNER_CHANGED -> changeOwner(client, change.ownerId());
            case DELETED -> client.deleted = true;
            case RESTORED -> client.deleted = false;
            case MERGED -> merge(client, change.mergedId());
            default -> LOG.debugf("client event %s not used here", change.kind());
        }
        client.version = change.version();
        client.updatedAt = clock.instant();
    }

    private void changeOwner(KnownClient client, String to) {
        String from = client.ownerId;
        client.ownerId = to;
        if (from != null && !from.equals(to)) {
            ownedData.forEach(data -> data.ownerChanged(client.id, from, to));
        }
    }

    private void merge(KnownClient survivor, UUID mergedId) {
        KnownClient merged = clients.findById(mergedId);
        if (merged != null) {
            survivor.absorb(merged);
        }
        clients.flush(); // the table statements run beside the session
        ownedData.forEach(data -> data.moveToClient(mergedId, survivor.id));
    }

    @Override
    protected void erase(KnownClient client) {
        client.legalName = null;
        client.erasedAt = clock.instant();
        client.updatedAt = client.erasedAt;
        clients.flush(); // the table statements run beside the session
        ownedData.forEach(data -> data.scrub(client.id));
    }
}
