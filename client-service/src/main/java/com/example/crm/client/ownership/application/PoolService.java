package com.example.crm.client.ownership.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.ownership.domain.CapScope;
import com.example.crm.client.ownership.domain.OwnershipCap;
import com.example.crm.client.ownership.domain.Pool;
import com.example.crm.client.ownership.domain.RecallRuleKind;
import com.example.crm.client.ownership.persistence.OwnershipCapRepository;
import com.example.crm.client.ownership.persistence.OwnershipQueries;
import com.example.crm.client.ownership.persistence.PoolRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.domain.ExpectedVersion;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Configuration of pools (members, admins, claim and recall rules) and of ownership caps. */
@ApplicationScoped
public class PoolService {

    private final PoolRepository pools;
    private final OwnershipCapRepository caps;
    private final ClientRepository clients;
    private final OwnershipQueries queries;
    private final PoolInputMapper mapper;
    private final CurrentUser user;
    private final Clock clock;

    public PoolService(PoolRepository pools, OwnershipCapRepository caps, ClientRepository clients,
                       OwnershipQueries queries, PoolInputMapper mapper, CurrentUser user, Clock clock) {
        this.pools = pools;
        this.caps = caps;
        this.clients = clients;
        this.queries = queries;
        this.mapper = mapper;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public Pool create(PoolInput input) {
        Pool pool = new Pool();
        pool.id = UUID.randomUUID();
        apply(pool, input);
        pool.createdAt = pool.updatedAt;
        pool.createdBy = user.id();
        pools.persist(pool);
        pools.flush();
        return pool;
    }

    /** Replaces a pool's settings (If-Match); its clients stay. */
    @Transactional
    public Pool replace(UUID id, ExpectedVersion expected, PoolInput input) {
        Pool pool = get(id);
        expected.check(pool.version);
        apply(pool, input);
        pools.flush();
        return pool;
    }

    /** Removes an empty pool: no client sits in it or was taken from it. */
    @Transactional
    public void delete(UUID id, ExpectedVersion expected) {
        Pool pool = get(id);
        expected.check(pool.version);
        if (queries.poolInUse(id)) {
            throw new DomainException.Conflict("pool " + pool.name
                    + " still governs clients (sitting in it or taken from it); move them first");
        }
        pools.delete(pool);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pool get(UUID id) {
        return pools.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("pool", id));
    }

    /** The pools the caller may see: all for managers, admins and auditors; else those they belong to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pool> visible() {
        boolean all = user.hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR);
        String department = user.department();
        return pools.allByName().stream()
                .filter(p -> all || p.isMember(user.id(), department) || p.defaultPool).toList();
    }

    /** A page of the clients sitting in a pool, latest entries first; members, pool admins and readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> clientsIn(UUID poolId, boolean reader, ClientRepository.After after, int limit) {
        Pool pool = get(poolId);
        if (!reader && !pool.isMember(user.id(), user.department())) {
            throw new DomainException.AccessDenied("only members of pool " + pool.name + " see its clients");
        }
        return clients.inPool(poolId, after, limit + 1);
    }

    public long clientCount(UUID poolId) {
        return clients.countInPool(poolId);
    }

    private void apply(Pool pool, PoolInput input) {
        Set<RecallRuleKind> kinds = EnumSet.noneOf(RecallRuleKind.class);
        for (int i = 0; i < input.recallRules().size(); i++) {
            if (!kinds.add(input.recallRules().get(i).kind())) {
                throw new DomainException.InvalidValue("recallRules[" + i + "].kind", "each kind of rule at most once per pool");
            }
        }
        pools.byName(input.name()).filter(other -> !other.id.equals(pool.id)).ifPresent(other -> {
            throw new DomainException.Conflict("a pool named " + other.name + " exists").with("poolId", other.id);
        });
        if (input.defaultPool()) {
            // before the pool changes: the bulk update flushes pending changes first, and two defaults break the
            // unique index pool_single_default
            pools.clearDefaultExcept(pool.id);
        }
        mapper.apply(input, pool);
        pool.updatedAt = clock.instant();
    }

    /** A cap as stored, and whether this request created it. */
    public record PutCap(OwnershipCap cap, boolean created) {
    }

    /** Creates or replaces the cap of a user or department. */
    @Transactional
    public PutCap putCap(CapScope scope, String subject, ExpectedVersion expected, Integer maxOwned, Integer maxLocked,
                          Boolean countClientsWithDeal) {
        OwnershipCap cap = caps.of(scope, subject).orElse(null);
        boolean created = cap == null;
        if (created) {
            cap = new OwnershipCap();
            cap.key = new OwnershipCap.Key(scope, subject);
        } else if (expected != null) {
            expected.check(cap.version);
        }
        cap.maxOwned = maxOwned;
        cap.maxLocked = maxLocked;
        cap.countClientsWithDeal = countClientsWithDeal == null || countClientsWithDeal;
        cap.updatedAt = clock.instant();
        cap.updatedBy = user.id();
        if (created) {
            caps.persist(cap);
        }
        caps.flush();
        return new PutCap(cap, created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OwnershipCap cap(CapScope scope, String subject) {
        return caps.of(scope, subject).orElseThrow(() -> new DomainException.NotFound("ownership cap",
                scope.name().toLowerCase() + " " + subject));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnershipCap> caps() {
        return caps.allSorted();
    }

    @Transactional
    public void deleteCap(CapScope scope, String subject) {
        caps.delete(cap(scope, subject));
    }
}
