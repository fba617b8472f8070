package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.AcquisitionSource;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.ClientKind;
import com.example.crm.client.card.domain.CreditRating;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.RelationshipLevel;
import com.example.crm.client.config.ClientConfig;
import com.example.crm.client.card.domain.TeamMember;
import com.example.crm.contract.client.ClientEventTypes;
import com.example.crm.contract.client.OrganisationEvents;
import com.example.crm.platform.json.JsonDiff;
import com.example.crm.platform.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The events of {@code crm.client.v1} about the card itself (registered, updated, status, deleted, restored, merged,
 * erased), written through the outbox in the caller's transaction. Their {@code data} is documented in the service's
 * contract artifact ({@code contract/}) and checked against what is emitted.
 */
@ApplicationScoped
public class CardEvents {

    public static final String REGISTERED = ClientEventTypes.REGISTERED;
    public static final String UPDATED = ClientEventTypes.UPDATED;
    public static final String STATUS_CHANGED = ClientEventTypes.STATUS_CHANGED;
    public static final String DELETED = ClientEventTypes.DELETED;
    public static final String RESTORED = ClientEventTypes.RESTORED;
    public static final String ERASED = ClientEventTypes.ERASED;
    public static final String MERGED = ClientEventTypes.MERGED;

    /** Fields whose new values stay out of events (their names are still listed as changed). */
    static final Set<String> PRIVATE_FIELDS = Set.of("finance.bankName", "finance.bankAccount", "rapport",
            "customAttributes", "characteristics.notes");

    private final Outbox outbox;
    private final ClientConfig config;

    public CardEvents(Outbox outbox, ClientConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registered(UUID clientId, long version, ClientKind kind, String legalName, String shortName,
                             String industry, AcquisitionSource acquisitionSource, String unifiedSocialCreditCode,
                             Location address, LifecycleStatus status, RelationshipLevel relationshipLevel,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String ownerId, String ownerDepartment,
                             UUID poolId, List<String> tags,
                             CreditRating creditRating,
                             Instant registeredAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String country, String province, String city, String district) {
    }

    public record Updated(UUID clientId, long version, List<String> changedFields, Map<String, JsonNode> changes,
                          Instant updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChanged(UUID clientId, long version, LifecycleStatus from, LifecycleStatus to,
                                String reason, String changedBy, Instant changedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Removal(UUID clientId, long version, String reason, String changedBy, Instant changedAt) {
    }

    /** A duplicate merged into a survivor; keyed by the survivor. */
    public record Merged(UUID clientId, long version, UUID survivorId, UUID mergedId, String mergedBy, Instant mergedAt) {
    }

    /** Erasure carries the client id only: every service scrubs what it holds about that client. */
    public record Erased(UUID clientId) {
    }

    public void registered(Client c) {
        Location location = c.address == null ? null
                : new Location(c.address.country, c.address.province, c.address.city, c.address.district);
        outbox.append(config.topic(), REGISTERED, c.id, new Registered(c.id, c.version, c.kind, c.legalName,
                c.shortName, c.industry, c.acquisitionSource, c.unifiedSocialCreditCode, location, c.status,
                c.relationshipLevel, c.ownerId, c.ownerDepartment, c.poolId, c.tags, c.finance == null ? null : c.finance.creditRating,
                c.createdAt));
    }

    /** {@code changes}: dotted field paths with their new values; private values are left out. */
    public void updated(Client c, Map<String, JsonNode> changes) {
        Map<String, JsonNode> visible = new TreeMap<>(changes);
        JsonDiff.redact(visible, PRIVATE_FIELDS);
        outbox.append(config.topic(), UPDATED, c.id,
                new Updated(c.id, c.version, List.copyOf(changes.keySet()), visible, c.updatedAt));
    }

    public void statusChanged(Client c, LifecycleStatus from, String reason, String actor) {
        outbox.append(config.topic(), STATUS_CHANGED, c.id,
                new StatusChanged(c.id, c.version, from, c.status, reason, actor, c.updatedAt));
    }

    public void deleted(Client c, String reason, String actor) {
        outbox.append(config.topic(), DELETED, c.id, new Removal(c.id, c.version, reason, actor, c.updatedAt));
    }

    public void restored(Client c, String reason, String actor) {
        outbox.append(config.topic(), RESTORED, c.id, new Removal(c.id, c.version, reason, actor, c.updatedAt));
    }

    public void merged(Client survivor, Client duplicate, String actor) {
        outbox.append(config.topic(), MERGED, survivor.id, new Merged(survivor.id, survivor.version, survivor.id,
                duplicate.id, actor, survivor.updatedAt));
    }

    /** The client's team as it now is. */
    public void teamChanged(Client c, List<TeamMember> team, Instant at) {
        outbox.append(config.topic(), ClientEventTypes.TEAM_CHANGED, c.id, new OrganisationEvents.TeamChanged(c.id,
                c.version, team.stream().map(m -> new OrganisationEvents.TeamMember(m.userId, m.access.name())).toList(),
                at));
    }

    /** Announces the erasure and drops the client's events that could never be published (they hold its data). */
    public void erased(Client c) {
        outbox.append(config.topic(), ERASED, c.id, new Erased(c.id));
        outbox.forgetDeadLetters(c.id);
    }
}
