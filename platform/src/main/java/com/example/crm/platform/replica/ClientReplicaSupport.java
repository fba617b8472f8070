package com.example.crm.platform.replica;

import com.example.crm.platform.scope.OwnerDepartments;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.inject.Instance;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.annotations.DynamicUpdate;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's local replica of clients, kept from client-service's events and segmentation's classification with
 * the same rules everywhere (no synchronous calls to client-service): a client is known once its
 * {@code registered} event arrived; a change applies only when its card version is newer than the one held (replays
 * and late events change nothing); erasure applies always and also drops the client's dead-lettered events
 * ({@link Outbox#forgetDeadLetters}); writes are accepted for known clients that are neither deleted, merged away
 * nor erased. An owner change, a merge or an erasure reaches the service's own per-client records through its
 * {@link ClientOwnedData} beans: the features' own rules first, then the per-client tables
 * ({@link ClientOwnedTables}), whose statements run beside the session. A service provides its entity (a
 * {@link ReplicatedClient}), its repository, and optionally what a merge or a classification means for it.
 */
public abstract class ClientReplicaSupport<K extends ReplicatedClient> implements OwnerDepartments {

    private static final Logger LOG = Logger.getLogger(ClientReplicaSupport.class);

    /** Field-injected so that each service's replica keeps its own constructor. */
    @Inject
    Outbox outbox;

    @Inject
    Instance<ClientOwnedData> ownedDataBeans;

    @Inject
    Clock clock;

    @Inject
    ReplicaVisibility visibility;

    private volatile List<ClientOwnedData> ownedData;

    /** The service's table of known clients. */
    protected abstract PanacheRepositoryBase<K, UUID> clients();

    /** A new, empty entity of the service's type. */
    protected abstract K newClient();

    /** After {@code merged} was merged into {@code survivor} (both in the session), before the records move. */
    protected void merged(K survivor, K merged) {
    }

    /** After a newer classification was kept; the values it replaced are given (null the first time). */
    protected void classified(K client, String previousAbcClass, String previousValueTier) {
    }

    /** Concurrent writers of a row each write only their columns ({@link ReplicatedClient}): fails at startup otherwise. */
    @PostConstruct
    void requireColumnWiseUpdates() {
        Class<?> entity = newClient().getClass();
        if (!entity.isAnnotationPresent(DynamicUpdate.class)) {
            throw new IllegalStateException(entity.getName() + " must carry @DynamicUpdate: an update writing every column "
                    + "would put back a concurrent writer's older values");
        }
    }

    /** Applies one event of {@code crm.client.v1} inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClientChange change) {
        K client = clients().findById(change.clientId());
        Instant now = clock.instant();
        if (change.kind() == ClientChange.Kind.REGISTERED) {
            if (client == null) {
                K registered = newClient();
                registered.registered(change, now);
                clients().persist(registered);
            }
            return;
        }
        if (client == null) {
            LOG.debugf("%s for client %s not registered here: ignored", change.kind(), change.clientId());
            return;
        }
        switch (change.kind()) {
            case ERASED -> erase(client, now);
            case MERGED -> {
                if (change.newerThan(client.version)) {
                    merge(client, change, now);
                }
            }
            case OWNER_CHANGED -> {
                if (change.newerThan(client.version)) {
                    String from = client.ownerId;
                    client.changed(change, now);
                    if (from != null && !from.equals(change.ownerId())) {
                        ownedData().forEach(data -> data.ownerChanged(client.id, from, change.ownerId()));
                    }
                }
            }
            default -> {
                if (change.newerThan(client.version)) {
                    client.changed(change, now);
                }
            }
        }
    }

    private void merge(K survivor, ClientChange change, Instant now) {
        // a merge reads both rows' service columns (the latest contact, say): locked like a request writing them
        clients().getEntityManager().refresh(survivor, LockModeType.PESSIMISTIC_WRITE);
        K merged = clients().findById(change.mergedId(), LockModeType.PESSIMISTIC_WRITE);
        if (merged != null) {
            survivor.absorb(merged);
            merged(survivor, merged);
        }
        survivor.changed(change, now);
        clients().flush(); // the table statements run beside the session
        ownedData().forEach(data -> data.moveToClient(change.mergedId(), survivor.id));
    }

    private void erase(K client, Instant now) {
        client.erase(now);
        clients().flush(); // the table statements run beside the session
        ownedData().forEach(data -> data.scrub(client.id));
        outbox.forgetDeadLetters(client.id);
    }

    /** A user placed in another department: the clients they own are owned from it (data scope). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void ownerMoved(String userId, String departmentId) {
        clients().update("ownerDepartment = ?1 where ownerId = ?2 and (ownerDepartment is null or ownerDepartment <> ?1)",
                departmentId, userId);
    }

    /**
     * Keeps segmentation's classification of a client: the client when it was applied, empty when the client is not
     * known here or the classification is not newer than the one kept (a replay).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<K> applyClassification(SegmentClassification classification) {
        K client = clients().findById(classification.clientId());
        if (client == null) {
            LOG.debugf("classification of client %s not known here: ignored", classification.clientId());
            return Optional.empty();
        }
        String previousAbcClass = client.abcClass;
        String previousValueTier = client.valueTier;
        if (!client.classify(classification)) {
            return Optional.empty();
        }
        classified(client, previousAbcClass, previousValueTier);
        return Optional.of(client);
    }

    /** The client: 404 with {@code retryable} (its registration may still be on its way) when unknown here. */
    public K known(UUID clientId) {
        return known(clientId, LockModeType.NONE);
    }

    private K known(UUID clientId, LockModeType lock) {
        K client = clients().findById(clientId, lock);
        if (client == null) {
            throw new DomainException.NotFound("client", clientId).with("retryable", true);
        }
        return client;
    }

    /** Whether the caller sees the client (data scope): a record of a client they do not see is not found either. */
    public boolean sees(UUID clientId) {
        K client = clients().findById(clientId);
        return client != null && visibility.sees(client);
    }

    /**
     * The client an owner's write is for (an order, a payment plan, a cadence): the caller sees it (404 otherwise),
     * is its owner, a manager or an admin (403 otherwise), and it is writable (409 otherwise).
     */
    public K ownersWritable(UUID clientId, String what) {
        K client = visibility.requireVisible(known(clientId));
        visibility.requireOwnerOrSupervisor(client, what);
        return writable(clientId);
    }

    /** The data scope as a list query's condition on its records' client id ({@link ReplicaVisibility#hql}). */
    public ReplicaVisibility.Condition scopeOf(String clientIdPath) {
        return visibility.hql(clientIdPath, newClient().getClass().getSimpleName());
    }

    /** The client, when the caller sees it (data scope): 404 as for an unknown client otherwise. */
    public K visible(UUID clientId) {
        return visibility.requireVisible(known(clientId));
    }

    /**
     * The client a caller's write is for: they see it (404 otherwise), may work on it as its owner does (its owner,
     * an EDIT team member, a manager or an admin; 403 otherwise) and it is writable (409 otherwise).
     */
    public K editable(UUID clientId, String what) {
        return editable(clientId, what, LockModeType.NONE);
    }

    /** As {@link #editable}, with the row locked as by {@link #writableForUpdate}. */
    public K editableForUpdate(UUID clientId, String what) {
        return editable(clientId, what, LockModeType.PESSIMISTIC_WRITE);
    }

    private K editable(UUID clientId, String what, LockModeType lock) {
        K client = visibility.requireVisible(known(clientId, lock));
        visibility.requireEditor(client, what);
        return writable(clientId, lock);
    }

    /** The client a write is for: known, not deleted, not merged away, not erased (409 otherwise). */
    public K writable(UUID clientId) {
        return writable(clientId, LockModeType.NONE);
    }

    /**
     * As {@link #writable(UUID)}, for a write that changes the client's own row from what it holds (the latest
     * contact, say): the row is locked until the transaction ends, so a concurrent write of the same columns waits and
     * then reads this one's result instead of overwriting it.
     */
    public K writableForUpdate(UUID clientId) {
        return writable(clientId, LockModeType.PESSIMISTIC_WRITE);
    }

    private K writable(UUID clientId, LockModeType lock) {
        K client = known(clientId, lock);
        if (!client.isWritable()) {
            UUID mergedInto = client.mergedInto;
            throw new DomainException.Conflict("client " + clientId
                    + (mergedInto != null ? " was merged into " + mergedInto : " is deleted or erased"))
                    .with("mergedInto", mergedInto);
        }
        return client;
    }

    /** Entity rules first, table statements last: they must see what the rules flushed. */
    private List<ClientOwnedData> ownedData() {
        List<ClientOwnedData> sorted = ownedData;
        if (sorted == null) {
            sorted = ownedDataBeans.stream()
                    .sorted(Comparator.comparing(data -> data instanceof ClientOwnedTables)).toList();
            ownedData = sorted;
        }
        return sorted;
    }
}
