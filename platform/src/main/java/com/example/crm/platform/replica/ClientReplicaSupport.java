package com.example.crm.platform.replica;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.outbox.Outbox;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The rules every service's local replica of clients follows (docs/domain.md, "Events and service boundaries": no
 * synchronous calls to client-service):
 * a client is known once its {@code registered} event arrived; a change applies only when its card version is newer
 * than the one held (replays and late events change nothing); erasure applies always; writes are accepted for
 * known clients that are neither deleted, merged away nor erased; erasure also drops the client's dead-lettered
 * events ({@link Outbox#forgetDeadLetters}). Each service keeps its own table and decides what
 * a change means for its own records.
 */
public abstract class ClientReplicaSupport<K extends ClientReplicaSupport.Replicated> {

    private static final Logger LOG = Logger.getLogger(ClientReplicaSupport.class);

    /** Field-injected so that each service's replica keeps its own constructor. */
    @Inject
    Outbox outbox;

    /** What the rules need of a replicated client. */
    public interface Replicated {
        long cardVersion();

        boolean isWritable();

        UUID mergedIntoId();
    }

    protected abstract K find(UUID clientId);

    /** Stores a newly registered client. */
    protected abstract void register(ClientChange change);

    /** Scrubs the client's personal data here, keeping figures. */
    protected abstract void erase(K client);

    /** Applies a newer change (updated, status, owner, deleted, restored, merged) and records its version. */
    protected abstract void change(K client, ClientChange change);

    /** Applies one event of {@code crm.client.v1} (call it inside the consumer's transaction). */
    protected void applyChange(ClientChange change) {
        K client = find(change.clientId());
        if (change.kind() == ClientChange.Kind.REGISTERED) {
            if (client == null) {
                register(change);
            }
            return;
        }
        if (client == null) {
            LOG.debugf("%s for client %s not registered here: ignored", change.kind(), change.clientId());
            return;
        }
        if (change.kind() == ClientChange.Kind.ERASED) {
            erase(client);
            outbox.forgetDeadLetters(change.clientId());
        } else if (change.newerThan(client.cardVersion())) {
            change(client, change);
        }
    }

    /** The client: 404 with {@code retryable} (its registration may still be on its way) when unknown here. */
    public K known(UUID clientId) {
        K client = find(clientId);
        if (client == null) {
            throw new DomainException.NotFound("client", clientId).with("retryable", true);
        }
        return client;
    }

    /** The client a write is for: known, not deleted, not merged away, not erased (409 otherwise). */
    public K writable(UUID clientId) {
        K client = known(clientId);
        if (!client.isWritable()) {
            UUID mergedInto = client.mergedIntoId();
            throw new DomainException.Conflict("client " + clientId
                    + (mergedInto != null ? " was merged into " + mergedInto : " is deleted or erased"))
                    .with("mergedInto", mergedInto);
        }
        return client;
    }
}
