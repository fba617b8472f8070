package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.SegmentFields;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.duplicates.application.DuplicateDetector;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.json.MergePatcher;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The profile card's own commands: registration, merge-patch updates, lifecycle, re-verification, reads, and
 * segmentation's classification shown on the card (merges and removals have their own classes). Every change is
 * recorded in the card's history and announced by an event in the same transaction. Thirteen collaborators: each
 * command loads the card, checks who may see and change it and its version, changes it, records and announces it,
 * and registration also checks duplicates and the owner's cap.
 */
@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    private final ClientRepository clients;
    private final CardMapper mapper;
    private final CardEvents events;
    private final ClientHistory history;
    private final DuplicateDetector duplicates;
    private final MergePatcher patcher;
    private final CurrentUser user;
    private final ClientConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final OwnerCapacity capacity;
    private final NewCards newCards;
    private final CardAccess access;

    public ClientService(ClientRepository clients,
                         CardMapper mapper, CardEvents events,
                         ClientHistory history, DuplicateDetector duplicates, MergePatcher patcher, CurrentUser user,
                         ClientConfig config, ObjectMapper json, Clock clock, OwnerCapacity capacity,
                         NewCards newCards, CardAccess access) {
        this.access = access;
        this.capacity = capacity;
        this.newCards = newCards;
        this.clients = clients;
        this.mapper = mapper;
        this.events = events;
        this.history = history;
        this.duplicates = duplicates;
        this.patcher = patcher;
        this.user = user;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registers a card owned by the caller. A card that may duplicate an existing one is refused with the
     * candidates unless {@code allowDuplicate}; a credit code in use is always refused.
     */
    @Transactional
    public Client register(ClientInput input, boolean allowDuplicate) {
        checkCustomAttributes(input);
        Instant now = clock.instant();
        Client client = newCards.build(input, now);
        duplicates.check(client.duplicateProbe(), allowDuplicate);
        client.ownerId = user.id();
        client.ownerDepartment = user.department();
        client.ownedSince = now;
        capacity.requireRoomForNewCard(client.ownerId, client.ownerDepartment, client.status == LifecycleStatus.EXISTING);
        clients.persistAndFlush(client);
        newCards.announce(client, null);
        return client;
    }

    /**
     * A card the caller sees (their data scope, a team or a pool: {@link CardAccess}); a deleted one only for admins.
     * Any other is not found.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Client get(UUID id) {
        Client client = clients.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("client", id));
        if (client.isDeleted() && !user.hasAnyRole(Roles.ADMIN)) {
            throw new DomainException.NotFound("client", id);
        }
        access.requireVisible(client);
        return client;
    }

    /** Applies a JSON merge patch (RFC 7396) to the card's writable fields. */
    @Transactional
    public Client patch(UUID id, ExpectedVersion expected, JsonNode patch, String reason) {
        Client client = editable(id, expected);
        if (patch != null && patch.has("status")) {
            throw new DomainException.InvalidValue("status", "is changed by a lifecycle transition, not by a patch");
        }
        ClientInput current = mapper.toInput(client);
        MergePatcher.Patched<ClientInput> patched = patcher.apply(current, patch, ClientInput.class);
        if (!patched.changed()) {
            return client;
        }
        ClientInput input = patched.value();
        checkCustomAttributes(input);
        Client probe = new Client();
        probe.id = client.id;
        mapper.apply(input, probe);
        duplicates.check(probe.duplicateProbe(), true);
        mapper.apply(input, client);
        client.deriveKeys();
        client.updatedAt = clock.instant();
        clients.flush();
        history.record(client.id, client.version, Action.UPDATED, user.id(), reason, history.diff("", current, input));
        events.updated(client, patched.changes());
        return client;
    }

    @Transactional
    public Client transition(UUID id, ExpectedVersion expected, LifecycleStatus to, String reason) {
        Client client = editable(id, expected);
        LifecycleStatus from = client.status;
        client.transitionTo(to, clock.instant());
        clients.flush();
        history.record(client.id, client.version, Action.STATUS_CHANGED, user.id(), reason, history.change("status", from, to));
        events.statusChanged(client, from, reason, user.id());
        return client;
    }

    /** Records that the card was checked against reality; the next review falls due a review interval later. */
    @Transactional
    public Client verify(UUID id, ExpectedVersion expected) {
        Client client = editable(id, expected);
        Instant previousDue = client.reviewDueAt;
        Instant now = clock.instant();
        client.verified(now, config.reviewIntervalMonths());
        client.updatedAt = now;
        clients.flush();
        history.record(client.id, client.version, Action.VERIFIED, user.id(), null,
                history.change("reviewDueAt", previousDue, client.reviewDueAt));
        events.updated(client, Map.of("lastVerifiedAt", json.valueToTree(client.lastVerifiedAt),
                "reviewDueAt", json.valueToTree(client.reviewDueAt)));
        return client;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientHistoryEntry> history(UUID id, Long afterEntry, int limit) {
        get(id);
        return history.page(id, afterEntry, limit + 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> list(ClientRepository.Filter filter, ClientRepository.After after, int limit) {
        return clients.page(filter, access.readScope(), after, limit + 1, clock.instant());
    }

    /**
     * Puts segmentation's latest classification on the card. Classifications older than the one shown are
     * ignored (events of one client arrive in order, but a replayed older run must not win).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClassification(UUID clientId, SegmentFields.AbcClass abcClass, SegmentFields.ValueTier tier,
                                    SegmentFields.ChurnRisk risk, Instant computedAt, String source) {
        Client client = clients.findById(clientId);
        if (client == null) {
            LOG.debugf("classification for unknown client %s ignored", clientId);
            return;
        }
        if (client.segmentComputedAt != null && client.segmentComputedAt.isAfter(computedAt)) {
            return;
        }
        Map<String, Object> before = segment(client);
        client.abcClass = abcClass;
        client.valueTier = tier;
        client.churnRisk = risk;
        client.segmentComputedAt = computedAt;
        clients.flush();
        history.record(client.id, client.version, Action.CLASSIFIED, source, null, history.diff("segment.", before, segment(client)));
    }

    private static Map<String, Object> segment(Client client) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("abcClass", client.abcClass);
        values.put("valueTier", client.valueTier);
        values.put("churnRisk", client.churnRisk);
        return values;
    }

    /**
     * Loads a card for a change its owner, a manager or an admin makes (hand-over, return, lock, delete, merge): the
     * caller sees it, it is not deleted, and {@code expected} is its current version.
     */
    public Client writable(UUID id, ExpectedVersion expected) {
        Client client = live(id);
        user.requireOwnerOrSupervisor(client.ownerId, "client " + id);
        expected.check(client.version);
        return client;
    }

    /**
     * Loads a card for a change of its content (fields, status, verification, contact persons), which its EDIT team
     * members may also make: the caller sees it, it is not deleted, and {@code expected} is its current version.
     */
    public Client editable(UUID id, ExpectedVersion expected) {
        Client client = live(id);
        access.requireEditor(client);
        expected.check(client.version);
        return client;
    }

    private Client live(UUID id) {
        Client client = get(id);
        if (client.isDeleted()) {
            throw new DomainException.Conflict("client " + id + " is deleted; restore it first");
        }
        return client;
    }


    private void checkCustomAttributes(ClientInput input) {
        if (input.customAttributes() == null) {
            return;
        }
        try {
            int size = json.writeValueAsString(input.customAttributes()).getBytes(StandardCharsets.UTF_8).length;
            if (size > config.maxCustomAttributesBytes()) {
                throw new DomainException.InvalidValue("customAttributes",
                        "must be at most " + config.maxCustomAttributesBytes() + " bytes of JSON, was " + size);
            }
        } catch (JsonProcessingException e) {
            throw new DomainException.InvalidValue("customAttributes", "must be a JSON object");
        }
    }
}
