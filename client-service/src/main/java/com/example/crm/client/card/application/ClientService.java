package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.ClientKind;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.SegmentFields;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.duplicates.application.DuplicateDetector;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.client.history.domain.ClientHistoryEntry;
import com.example.crm.client.history.persistence.ClientHistoryRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.json.MergePatcher;
import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The profile card's rules: registration, merge-patch updates, lifecycle, re-verification, ownership,
 * soft delete, erasure and classification. Every change is recorded in the card's history and reported
 * by an event written in the same transaction.
 */
@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);
    static final String ERASED = "已擦除";

    private final ClientRepository clients;
    private final ClientHistoryRepository historyEntries;
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
    private final List<ClientOwnedData> ownedData;

    public ClientService(ClientRepository clients,
                         ClientHistoryRepository historyEntries, CardMapper mapper, CardEvents events,
                         ClientHistory history, DuplicateDetector duplicates, MergePatcher patcher, CurrentUser user,
                         ClientConfig config, ObjectMapper json, Clock clock, OwnerCapacity capacity,
                         NewCards newCards, Instance<ClientOwnedData> ownedData) {
        this.capacity = capacity;
        this.newCards = newCards;
        this.ownedData = ownedData.stream().toList();
        this.clients = clients;
        this.historyEntries = historyEntries;
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

    /** A card that is not deleted; admins also see deleted ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Client get(UUID id) {
        Client client = clients.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("client", id));
        if (client.isDeleted() && !user.hasAnyRole(Roles.ADMIN)) {
            throw new DomainException.NotFound("client", id);
        }
        return client;
    }

    /** Applies a JSON merge patch (RFC 7396) to the card's writable fields. */
    @Transactional
    public Client patch(UUID id, ExpectedVersion expected, JsonNode patch, String reason) {
        Client client = writable(id, expected);
        if (patch != null && patch.has("status")) {
            throw new DomainException.InvalidValue("status", "is changed with POST /api/v1/clients/{id}/transitions");
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
        Client client = writable(id, expected);
        LifecycleStatus from = client.status;
        if (!from.canBecome(to)) {
            throw new DomainException.IllegalTransition("a client in status " + from + " cannot become " + to)
                    .with("from", from).with("to", to).with("allowed", from.allowedNext().stream().sorted().toList());
        }
        client.status = to;
        client.updatedAt = clock.instant();
        clients.flush();
        history.record(client.id, client.version, Action.STATUS_CHANGED, user.id(), reason, history.change("status", from, to));
        events.statusChanged(client, from, reason, user.id());
        return client;
    }

    /** Records that the card was checked against reality; the next review falls due a review interval later. */
    @Transactional
    public Client verify(UUID id, ExpectedVersion expected) {
        Client client = writable(id, expected);
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

    /** Soft delete: the card disappears from lists and reads; an admin can restore it. */
    @Transactional
    public void delete(UUID id, ExpectedVersion expected, String reason) {
        Client client = writable(id, expected);
        client.deletedAt = clock.instant();
        client.deletedBy = user.id();
        client.updatedAt = client.deletedAt;
        clients.flush();
        history.record(client.id, client.version, Action.DELETED, user.id(), reason, history.change("deletedAt", null, client.deletedAt));
        events.deleted(client, reason, user.id());
    }

    @Transactional
    public Client restore(UUID id, String reason) {
        Client client = get(id);
        if (!client.isDeleted()) {
            throw new DomainException.Conflict("client " + id + " is not deleted");
        }
        if (client.erasedAt != null) {
            throw new DomainException.Conflict("client " + id + " was erased and cannot be restored");
        }
        Instant deletedAt = client.deletedAt;
        client.deletedAt = null;
        client.deletedBy = null;
        client.updatedAt = clock.instant();
        clients.flush();
        history.record(client.id, client.version, Action.RESTORED, user.id(), reason, history.change("deletedAt", deletedAt, null));
        events.restored(client, reason, user.id());
        return client;
    }

    /**
     * Scrubs the card's personal data irreversibly (contact persons removed, personal fields and every value in
     * its history replaced); figures and classification stay. The card stays deleted. The duplicates merged into
     * it are the same client: they are erased with it, each with its own event.
     */
    @Transactional
    public Client erase(UUID id, String reason) {
        Client client = clients.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("client", id));
        if (client.erasedAt != null) {
            return client;
        }
        Instant now = clock.instant();
        Deque<Client> toErase = new ArrayDeque<>(List.of(client));
        while (!toErase.isEmpty()) {
            Client card = toErase.pop();
            if (card.erasedAt == null) {
                scrub(card, now);
            }
            toErase.addAll(clients.mergedInto(card.id));
        }
        LOG.infof("client %s erased by %s (%s)", id, user.id(), reason == null ? "no reason given" : "reason recorded");
        return client;
    }

    private void scrub(Client client, Instant now) {
        if (client.kind == ClientKind.INDIVIDUAL) {
            client.legalName = ERASED;
            client.shortName = null;
            client.unifiedSocialCreditCode = null;
        }
        client.legalRepresentative = null;
        client.phone = null;
        client.email = null;
        client.website = null;
        client.rapport = null;
        client.customAttributes = new java.util.LinkedHashMap<>();
        if (client.address != null) {
            client.address.street = null;
            client.address.postalCode = null;
        }
        if (client.finance != null) {
            client.finance.bankName = null;
            client.finance.bankAccount = null;
        }
        if (client.characteristics != null) {
            client.characteristics.notes = null;
            client.characteristics.competitorRelations = null;
        }
        ownedData.forEach(data -> data.scrub(client.id));
        client.deriveKeys();
        client.erasedAt = now;
        client.deletedAt = client.deletedAt == null ? now : client.deletedAt;
        client.deletedBy = client.deletedBy == null ? user.id() : client.deletedBy;
        client.updatedAt = now;
        clients.flush();
        history.scrub(client.id);
        history.record(client.id, client.version, Action.ERASED, user.id(), null, history.change("erasedAt", null, now));
        events.erased(client);
    }

    /**
     * Merges a duplicate into this card (the survivor): the survivor keeps its values and takes the
     * duplicate's where it has none (tags are united), the duplicate's contact persons and history move to
     * the survivor, and the duplicate is deleted with a pointer to the survivor. Requires If-Match on the
     * survivor and the right to change both cards.
     */
    @Transactional
    public Client merge(UUID survivorId, ExpectedVersion expected, UUID duplicateId, String reason) {
        if (survivorId.equals(duplicateId)) {
            throw new DomainException.InvalidValue("duplicateId", "must be another client than the survivor");
        }
        Client survivor = writable(survivorId, expected);
        Client duplicate = get(duplicateId);
        if (duplicate.isDeleted()) {
            throw new DomainException.Conflict("client " + duplicateId + " is deleted or already merged");
        }
        user.requireOwnerOrSupervisor(duplicate.ownerId, "client " + duplicateId);

        ClientInput before = mapper.toInput(survivor);
        ClientInput combined = combine(before, mapper.toInput(duplicate));
        Instant now = clock.instant();
        String duplicateCode = duplicate.unifiedSocialCreditCode;
        duplicate.unifiedSocialCreditCode = null; // the code moves to the survivor: free it first
        duplicate.deletedAt = now;
        duplicate.deletedBy = user.id();
        duplicate.mergedInto = survivor.id;
        duplicate.updatedAt = now;
        clients.flush();
        mapper.apply(combined, survivor);
        if (survivor.unifiedSocialCreditCode == null) {
            survivor.unifiedSocialCreditCode = duplicateCode;
        }
        survivor.deriveKeys();
        survivor.updatedAt = now;
        historyEntries.moveToClient(duplicate.id, survivor.id);
        ownedData.forEach(data -> data.moveToClient(duplicate.id, survivor.id));
        clients.flush();

        ObjectNode changes = history.diff("", before, mapper.toInput(survivor));
        changes.setAll(history.change("mergedClientId", null, duplicate.id));
        history.record(survivor.id, survivor.version, Action.MERGED, user.id(), reason, changes);
        history.record(duplicate.id, duplicate.version, Action.MERGED_INTO, user.id(), reason, history.change("mergedInto", null, survivor.id));
        events.merged(survivor, duplicate, user.id());
        return survivor;
    }

    /** The survivor's values, completed with the duplicate's where the survivor has none; tags united. */
    private ClientInput combine(ClientInput survivor, ClientInput duplicate) {
        ObjectNode result = json.valueToTree(survivor);
        ObjectNode other = json.valueToTree(duplicate);
        other.fields().forEachRemaining(field -> {
            JsonNode mine = result.get(field.getKey());
            if (mine == null || mine.isNull() || mine.isEmpty() && (mine.isObject() || mine.isArray())) {
                result.set(field.getKey(), field.getValue());
            } else if (mine.isObject() && field.getValue().isObject()) {
                ObjectNode nested = (ObjectNode) mine;
                field.getValue().fields().forEachRemaining(sub -> {
                    if (!nested.hasNonNull(sub.getKey())) {
                        nested.set(sub.getKey(), sub.getValue());
                    }
                });
            }
        });
        java.util.LinkedHashSet<String> tags = new java.util.LinkedHashSet<>();
        survivor.tags().forEach(tags::add);
        duplicate.tags().forEach(tags::add);
        result.set("tags", json.valueToTree(List.copyOf(tags).subList(0, Math.min(tags.size(), 50))));
        try {
            return json.treeToValue(result, ClientInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot combine cards", e);
        }
    }

    /**
     * Hands the clients matching {@code filter} to {@code consumer} page by page, each page read in its own short
     * transaction, so that an export of any size holds neither a long transaction nor all rows in memory.
     */
    public void forEachPage(ClientRepository.Filter filter, int pageSize, java.util.function.Consumer<List<Client>> consumer) {
        Instant now = clock.instant();
        ClientRepository.After after = null;
        while (true) {
            ClientRepository.After position = after;
            List<Client> page = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> clients.page(filter, position, pageSize, now));
            if (page.isEmpty()) {
                return;
            }
            consumer.accept(page);
            if (page.size() < pageSize) {
                return;
            }
            Client last = page.get(page.size() - 1);
            after = new ClientRepository.After(last.createdAt, last.id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientHistoryEntry> history(UUID id, Long afterEntry, int limit) {
        get(id);
        return historyEntries.page(id, afterEntry, limit + 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> list(ClientRepository.Filter filter, ClientRepository.After after, int limit) {
        return clients.page(filter, after, limit + 1, clock.instant());
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
     * Loads a card for a change: it exists and is not deleted, the caller may change it, and If-Match names
     * its current version.
     */
    public Client writable(UUID id, ExpectedVersion expected) {
        Client client = get(id);
        if (client.isDeleted()) {
            throw new DomainException.Conflict("client " + id + " is deleted; restore it first");
        }
        user.requireOwnerOrSupervisor(client.ownerId, "client " + id);
        expected.check(client.version);
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
