package com.example.crm.client.domain;

import com.example.crm.client.api.ClientInput;
import com.example.crm.client.api.ClientMapper;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.messaging.ClientEvents;
import com.example.crm.client.persistence.ClientRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.MergePatcher;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.example.crm.platform.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The profile card's rules: registration, merge-patch updates, lifecycle, re-verification, classification. */
@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    private final ClientRepository clients;
    private final ClientMapper mapper;
    private final ClientEvents events;
    private final MergePatcher patcher;
    private final CurrentUser user;
    private final ClientConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public ClientService(ClientRepository clients, ClientMapper mapper, ClientEvents events, MergePatcher patcher,
                         CurrentUser user, ClientConfig config, ObjectMapper json, Clock clock) {
        this.clients = clients;
        this.mapper = mapper;
        this.events = events;
        this.patcher = patcher;
        this.user = user;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Client register(ClientInput input) {
        checkCustomAttributes(input);
        checkCreditCodeFree(input.unifiedSocialCreditCode(), null);
        Instant now = clock.instant();
        Client client = new Client();
        client.id = UUID.randomUUID();
        mapper.apply(input, client);
        client.status = input.status() == null ? LifecycleStatus.POTENTIAL : input.status();
        client.ownerId = user.id();
        client.createdBy = user.id();
        client.createdAt = now;
        client.updatedAt = now;
        markVerified(client, now);
        clients.persistAndFlush(client);
        events.registered(client);
        return client;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Client get(UUID id) {
        return clients.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("client", id));
    }

    /** Applies a JSON merge patch (RFC 7396) to the card's writable fields. */
    @Transactional
    public Client patch(UUID id, String ifMatch, JsonNode patch) {
        Client client = writable(id, ifMatch);
        if (patch != null && patch.has("status")) {
            throw ProblemException.invalid("status", "is changed with POST /api/v1/clients/{id}/transitions");
        }
        ClientInput current = mapper.toInput(client);
        MergePatcher.Patched<ClientInput> patched = patcher.apply(current, patch, ClientInput.class);
        if (!patched.changed()) {
            return client;
        }
        ClientInput input = patched.value();
        checkCustomAttributes(input);
        checkCreditCodeFree(input.unifiedSocialCreditCode(), client.id);
        mapper.apply(input, client);
        client.updatedAt = clock.instant();
        clients.flush();
        events.updated(client, patched.changes());
        return client;
    }

    @Transactional
    public Client transition(UUID id, String ifMatch, LifecycleStatus to, String reason) {
        Client client = writable(id, ifMatch);
        LifecycleStatus from = client.status;
        if (!from.canBecome(to)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "a client in status " + from + " cannot become " + to)
                    .with("from", from).with("to", to).with("allowed", from.allowedNext().stream().sorted().toList());
        }
        client.status = to;
        client.updatedAt = clock.instant();
        clients.flush();
        events.statusChanged(client, from, reason, user.id());
        return client;
    }

    /** Records that the card was checked against reality; the next review falls due a review interval later. */
    @Transactional
    public Client verify(UUID id, String ifMatch) {
        Client client = writable(id, ifMatch);
        Instant now = clock.instant();
        markVerified(client, now);
        client.updatedAt = now;
        clients.flush();
        events.updated(client, Map.of("lastVerifiedAt", json.valueToTree(client.lastVerifiedAt),
                "reviewDueAt", json.valueToTree(client.reviewDueAt)));
        return client;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> list(ClientRepository.Filter filter, String cursor, int limit) {
        List<String> keys = Cursor.decode(cursor, 2);
        ClientRepository.After after = null;
        if (keys != null) {
            try {
                after = new ClientRepository.After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
        }
        return clients.page(filter, after, limit + 1, clock.instant());
    }

    public static String cursorOf(Client client) {
        return Cursor.encode(client.createdAt.toString(), client.id.toString());
    }

    /**
     * Puts segmentation's latest classification on the card. Classifications older than the one shown are
     * ignored (events of one client arrive in order, but a replayed older run must not win).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyClassification(UUID clientId, SegmentFields.AbcClass abcClass, SegmentFields.ValueTier tier,
                                    SegmentFields.ChurnRisk risk, Instant computedAt) {
        Client client = clients.findById(clientId);
        if (client == null) {
            LOG.debugf("classification for unknown client %s ignored", clientId);
            return;
        }
        if (client.segmentComputedAt != null && client.segmentComputedAt.isAfter(computedAt)) {
            return;
        }
        client.abcClass = abcClass;
        client.valueTier = tier;
        client.churnRisk = risk;
        client.segmentComputedAt = computedAt;
    }

    /** Loads a card for a change: it exists, the caller may change it, and If-Match names its current version. */
    Client writable(UUID id, String ifMatch) {
        Client client = get(id);
        user.requireOwnerOrSupervisor(client.ownerId, "client " + id);
        ETags.requireMatch(ifMatch, client.version);
        return client;
    }

    private void markVerified(Client client, Instant now) {
        client.lastVerifiedAt = now;
        client.reviewDueAt = now.atOffset(ZoneOffset.UTC).plusMonths(config.reviewIntervalMonths()).toInstant();
    }

    private void checkCreditCodeFree(String code, UUID self) {
        if (code == null) {
            return;
        }
        clients.findByCreditCode(code).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new ProblemException(ProblemType.CONFLICT,
                    "client " + other.id + " already has unified social credit code " + code)
                    .with("existingClientId", other.id);
        });
    }

    private void checkCustomAttributes(ClientInput input) {
        if (input.customAttributes() == null) {
            return;
        }
        try {
            int size = json.writeValueAsString(input.customAttributes()).getBytes(StandardCharsets.UTF_8).length;
            if (size > config.maxCustomAttributesBytes()) {
                throw ProblemException.invalid("customAttributes",
                        "must be at most " + config.maxCustomAttributesBytes() + " bytes of JSON, was " + size);
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("customAttributes", "must be a JSON object");
        }
    }
}
