package com.example.crm.client.ownership.application;

import com.example.crm.client.card.application.ClientService;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.PoolEntryReason;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.client.ownership.domain.RecallRuleKind;
import com.example.crm.client.ownership.domain.ScheduledRecall;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.client.ownership.persistence.PoolRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.scope.Organisation;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.time.BusinessCalendar;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who owns a client: claims from a pool (领取), assignments (分配), returns (放入公海), recalls (自动回收) and
 * hand-overs between reps (locks: {@link ClientLocks}). Every change is one transaction with its history entry and
 * events; the target owner's scope is locked first, so caps and daily limits hold with any number of requests at
 * once, and the client's row is locked, so of two requests for the same client exactly one wins. A new owner's
 * department is where the organisation places them (what the request names otherwise). Twelve collaborators: each
 * change checks the pool, the caps and daily limits, and records and announces itself.
 */
@ApplicationScoped
public class OwnershipService {

    /** The actor recorded for automatic recalls. */
    public static final String RECALL_JOB = "recall-job";

    private final ClientRepository clients;
    private final PoolRepository pools;
    private final OwnershipQueries queries;
    private final OwnershipCaps caps;
    private final Standings standings;
    private final ClientService cards;
    private final ClientHistory history;
    private final OwnershipEvents events;
    private final CurrentUser user;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final Organisation organisation;

    public OwnershipService(ClientRepository clients, PoolRepository pools, OwnershipQueries queries,
                            OwnershipCaps caps, Standings standings, ClientService cards, ClientHistory history,
                            OwnershipEvents events, CurrentUser user, BusinessCalendar calendar, Clock clock,
                            Organisation organisation) {
        this.organisation = organisation;
        this.clients = clients;
        this.pools = pools;
        this.queries = queries;
        this.caps = caps;
        this.standings = standings;
        this.cards = cards;
        this.history = history;
        this.events = events;
        this.user = user;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * A pool member takes a client from the pool. Refused when the caller is not a member, the client is not in
     * this pool (any more), the caller released it less than the pool's cool-down ago, their cap is reached, or
     * they reached the pool's daily claim limit.
     */
    @Transactional
    public Standings.Standing claim(UUID poolId, UUID clientId) {
        Pool pool = pool(poolId);
        String me = user.id();
        String department = user.department();
        if (!pool.isMember(me, department)) {
            throw new DomainException.AccessDenied("only members of pool " + pool.name + " may claim from it");
        }
        queries.lockOwnerScopes(me, department);
        Client client = lockedInPool(pool, clientId);
        Instant now = clock.instant();
        if (pool.reclaimCooldownDays > 0) {
            queries.releasedAt(client.id, me)
                    .map(at -> at.plus(Duration.ofDays(pool.reclaimCooldownDays)))
                    .filter(claimableFrom -> claimableFrom.isAfter(now))
                    .ifPresent(claimableFrom -> {
                        throw new DomainException.LimitReached(DomainException.LimitReached.Limit.RECLAIM_COOLDOWN, "you released client " + client.id
                                + " less than " + pool.reclaimCooldownDays + " days ago; you may claim it from "
                                + claimableFrom).with("claimableFrom", claimableFrom)
                                .with("cooldownDays", pool.reclaimCooldownDays);
                    });
        }
        caps.requireRoom(me, department, queries.hasDeal(client.id));
        if (pool.dailyClaimLimit != null && queries.countClaim(pool.id, me, calendar.today(), pool.dailyClaimLimit).isEmpty()) {
            throw new DomainException.LimitReached(DomainException.LimitReached.Limit.DAILY_CLAIMS, "you claimed " + pool.dailyClaimLimit
                    + " clients from pool " + pool.name + " today, its daily limit")
                    .with("limit", pool.dailyClaimLimit).with("claimedToday", pool.dailyClaimLimit)
                    .with("day", calendar.today());
        }
        take(client, pool, me, department, Action.CLAIMED, "CLAIM", "claimed from pool " + pool.name);
        return standings.of(client);
    }

    /** A pool admin, manager or admin gives a client of the pool to a rep (cap of the rep applies). */
    @Transactional
    public Standings.Standing assign(UUID poolId, UUID clientId, String ownerId, String requestedDepartment,
                                     String reason) {
        String department = organisation.departmentOf(ownerId, requestedDepartment);
        Pool pool = pool(poolId);
        if (!user.isSupervisor() && !pool.isAdmin(user.id())) {
            throw new DomainException.AccessDenied("only admins of pool " + pool.name + ", managers and admins assign its clients");
        }
        queries.lockOwnerScopes(ownerId, department);
        Client client = lockedInPool(pool, clientId);
        caps.requireRoom(ownerId, department, queries.hasDeal(client.id));
        take(client, pool, ownerId, department, Action.ASSIGNED, "ASSIGNMENT",
                reason != null ? reason : "assigned from pool " + pool.name);
        return standings.of(client);
    }

    /**
     * The owner, a manager or an admin puts a client back into a pool with a reason: the named pool, else the one
     * it was taken from, else the default pool.
     */
    @Transactional
    public Standings.Standing returnToPool(UUID clientId, ExpectedVersion expected, UUID poolId, String reason) {
        Client client = cards.writable(clientId, expected);
        if (client.inPool()) {
            throw new DomainException.Conflict("client " + clientId + " already sits in a pool");
        }
        Pool target;
        if (poolId != null) {
            target = pool(poolId);
        } else if (client.poolId != null) {
            target = pools.findById(client.poolId);
        } else {
            target = pools.defaultPool().orElseThrow(() -> new DomainException.InvalidValue("poolId",
                    "is required: the client was never in a pool and no pool is the default"));
        }
        release(client, target, PoolEntryReason.RETURNED, reason, null, user.id());
        return standings.of(client);
    }

    /**
     * Recalls clients that are due (called by the recall job with their rows locked and their due rows read after
     * the lock): back to their pool, with the rule and what it counted from.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recall(List<ScheduledRecall> due) {
        if (due.isEmpty()) {
            return;
        }
        clients.list("id in ?1", due.stream().map(d -> d.clientId).toList()); // one read for the page
        due.forEach(this::recall);
    }

    private void recall(ScheduledRecall due) {
        Client client = clients.findById(due.clientId);
        Pool pool = pools.findById(due.poolId);
        String reason = switch (due.rule) {
            case NO_FOLLOW_UP -> "no follow-up for " + due.days + " days (since " + due.anchor + ")";
            case NO_ORDER -> "no order for " + due.days + " days (since " + due.anchor + ")";
            case NOT_CONVERTED -> "not an existing client " + due.days + " days after it was taken (" + due.anchor + ")";
        };
        release(client, pool, due.rule.poolEntryReason(), reason, due.rule, RECALL_JOB);
    }

    /**
     * Hands a client over to another rep (docs/domain.md, "Ownership and public pools": the next person carries on
     * from the card): the current owner, a manager or an admin; the new owner's cap applies.
     */
    @Transactional
    public Client transfer(UUID clientId, ExpectedVersion expected, String newOwner, String requestedDepartment,
                           String reason) {
        String department = organisation.departmentOf(newOwner, requestedDepartment);
        Client client = cards.writable(clientId, expected);
        if (newOwner.equals(client.ownerId)) {
            return client;
        }
        queries.lockOwnerScopes(newOwner, department);
        caps.requireRoom(newOwner, department, queries.hasDeal(client.id));
        handOver(client, newOwner, department, reason);
        return client;
    }

    /** Hands every live client of {@code fromOwner} over to {@code toOwner} (within their cap); their ids. */
    @Transactional
    public List<UUID> transferAll(String fromOwner, String toOwner, String requestedDepartment, String reason) {
        String department = organisation.departmentOf(toOwner, requestedDepartment);
        if (fromOwner.equals(toOwner)) {
            throw new DomainException.InvalidValue("toOwnerId", "must differ from fromOwnerId");
        }
        queries.lockOwnerScopes(toOwner, department);
        List<Client> owned = clients.ownedBy(fromOwner);
        caps.room(toOwner, department).ifPresent(room -> {
            if (room < owned.size()) {
                throw new DomainException.LimitReached(DomainException.LimitReached.Limit.OWNERSHIP_CAP, toOwner + " may take " + room
                        + " more clients, " + fromOwner + " owns " + owned.size())
                        .with("room", room).with("clients", owned.size());
            }
        });
        owned.forEach(client -> handOver(client, toOwner, department, reason));
        return owned.stream().map(c -> c.id).toList();
    }

    private void take(Client client, Pool pool, String owner, String department, Action action, String how,
                      String reason) {
        Instant now = clock.instant();
        ObjectNode changes = history.change("ownerId", null, owner);
        changes.setAll(history.change("poolReasonCode", client.poolReasonCode, null));
        client.takenFrom(pool.id, owner, department, now);
        clients.flush();
        history.record(client.id, client.version, action, user.id(), reason, changes);
        events.ownerChanged(client, null, reason, user.id());
        events.claimed(client, how, user.id());
    }

    private void release(Client client, Pool pool, PoolEntryReason code, String reason, RecallRuleKind rule,
                         String actor) {
        Instant now = clock.instant();
        String previous = client.ownerId;
        ObjectNode changes = history.change("ownerId", previous, null);
        changes.setAll(history.change("poolId", client.poolId, pool.id));
        changes.setAll(history.change("poolReasonCode", null, code));
        client.releasedTo(pool.id, code, reason, now);
        clients.flush();
        queries.recordRelease(client.id, previous, now);
        queries.forgetWarning(client.id);
        history.record(client.id, client.version, rule == null ? Action.RETURNED_TO_POOL : Action.RECALLED, actor, reason, changes);
        events.ownerChanged(client, previous, reason, actor);
        events.returnedToPool(client, previous, rule, actor);
    }

    private void handOver(Client client, String newOwner, String department, String reason) {
        String previous = client.ownerId;
        Instant now = clock.instant();
        ObjectNode changes = history.change("ownerId", previous, newOwner);
        if (client.lockedAt != null) {
            changes.setAll(history.change("lockedAt", client.lockedAt, null));
        }
        client.handedTo(newOwner, department, now);
        clients.flush();
        queries.forgetWarning(client.id);
        history.record(client.id, client.version, Action.OWNER_CHANGED, user.id(), reason, changes);
        events.ownerChanged(client, previous, reason, user.id());
    }

    private Pool pool(UUID poolId) {
        Pool pool = pools.findById(poolId);
        if (pool == null) {
            throw new DomainException.NotFound("pool", poolId);
        }
        return pool;
    }

    /** The client, its row locked: it must sit in {@code pool} without an owner. */
    private Client lockedInPool(Pool pool, UUID clientId) {
        Client client = clients.findById(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null || client.isDeleted()) {
            throw new DomainException.NotFound("client", clientId);
        }
        if (!client.inPool()) {
            throw new DomainException.Conflict("client " + clientId + " is owned by " + client.ownerId
                    + "; it is not in a pool").with("ownerId", client.ownerId);
        }
        if (!pool.id.equals(client.poolId)) {
            throw new DomainException.Conflict("client " + clientId + " sits in another pool")
                    .with("poolId", client.poolId);
        }
        return client;
    }
}
