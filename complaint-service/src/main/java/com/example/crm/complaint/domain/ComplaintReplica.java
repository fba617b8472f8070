package com.example.crm.complaint.domain;

import com.example.crm.complaint.persistence.ComplaintRepository;
import com.example.crm.complaint.persistence.HistoryRepository;
import com.example.crm.complaint.persistence.KnownClientRepository;
import com.example.crm.complaint.persistence.SurveyRepository;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.replica.ClientReplicaSupport;
import com.example.crm.platform.replica.SegmentClassification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * The clients this service knows, from client-service's events, with segmentation's classification (a KEY-tier or
 * class-A client's open complaints get the stricter SLA at once). Replays and older versions change nothing.
 */
@ApplicationScoped
public class ComplaintReplica extends ClientReplicaSupport<KnownClient> {

    private static final Logger LOG = Logger.getLogger(ComplaintReplica.class);

    private final KnownClientRepository clients;
    private final ComplaintRepository complaints;
    private final HistoryRepository history;
    private final SurveyRepository surveys;
    private final SlaPolicy policy;
    private final SlaClocks clocks;
    private final ComplaintHistory log;
    private final Clock clock;

    public ComplaintReplica(KnownClientRepository clients, ComplaintRepository complaints, HistoryRepository history,
                            SurveyRepository surveys, SlaPolicy policy, SlaClocks clocks, ComplaintHistory log,
                            Clock clock) {
        this.log = log;
        this.clients = clients;
        this.complaints = complaints;
        this.history = history;
        this.surveys = surveys;
        this.policy = policy;
        this.clocks = clocks;
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
        complaints.scrubClient(client.id);
        history.scrubClient(client.id);
        surveys.scrubClient(client.id);
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
                complaints.moveToClient(change.mergedId(), client.id);
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
            for (Complaint complaint : complaints.openOf(client.id)) {
                String before = complaint.slaPolicy;
                clocks.retarget(complaint, policy.targets(complaint.severity, client));
                log.record(complaint, clock.instant(), "segmentation", "SLA_RETARGETED", complaint.status,
                        "from", before, "to", complaint.slaPolicy);
            }
        }
    }
}
