package com.example.crm.client.domain;

import com.example.crm.client.api.PoolInput;
import com.example.crm.client.api.PoolMapper;
import com.example.crm.client.persistence.ClientRepository;
import com.example.crm.client.persistence.OwnershipCapRepository;
import com.example.crm.client.persistence.OwnershipQueries;
import com.example.crm.client.persistence.PoolRepository;
import com.example.crm.platform.api.Cursor;
import com.example.crm.platform.api.ETags;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
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
    private final PoolMapper mapper;
    private final CurrentUser user;
    private final Clock clock;

    public PoolService(PoolRepository pools, OwnershipCapRepository caps, ClientRepository clients,
                       OwnershipQueries queries, PoolMapper mapper, CurrentUser user, Clock clock) {
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
    public Pool replace(UUID id, String ifMatch, PoolInput input) {
        Pool pool = get(id);
        ETags.requireMatch(ifMatch, pool.version);
        apply(pool, input);
        pools.flush();
        return pool;
    }

    /** Removes an empty pool: no client sits in it or was taken from it. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Pool pool = get(id);
        ETags.requireMatch(ifMatch, pool.version);
        if (queries.poolInUse(id)) {
            throw new ProblemException(ProblemType.CONFLICT, "pool " + pool.name
                    + " still governs clients (sitting in it or taken from it); move them first");
        }
        pools.delete(pool);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pool get(UUID id) {
        return pools.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("pool", id));
    }

    /** The pools the caller may see: all for managers, admins and auditors; else those they belong to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pool> visible(boolean all) {
        String department = user.department();
        return pools.allByName().stream()
                .filter(p -> all || p.isMember(user.id(), department) || p.defaultPool).toList();
    }

    /** A page of the clients sitting in a pool, latest entries first; members, pool admins and readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> clientsIn(UUID poolId, boolean reader, String cursor, int limit) {
        Pool pool = get(poolId);
        if (!reader && !pool.isMember(user.id(), user.department())) {
            throw ProblemException.forbidden("only members of pool " + pool.name + " see its clients");
        }
        ClientRepository.After after = Cursor.decode(cursor, 2,
                keys -> new ClientRepository.After(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1))));
        return clients.inPool(poolId, after, limit + 1);
    }

    public long clientCount(UUID poolId) {
        return clients.countInPool(poolId);
    }

    public static String cursorOfPoolEntry(Client client) {
        return Cursor.encode(client.poolEnteredAt.toString(), client.id.toString());
    }

    private void apply(Pool pool, PoolInput input) {
        Set<RecallRuleKind> kinds = EnumSet.noneOf(RecallRuleKind.class);
        for (int i = 0; i < input.recallRules().size(); i++) {
            if (!kinds.add(input.recallRules().get(i).kind())) {
                throw ProblemException.invalid("recallRules[" + i + "].kind", "each kind of rule at most once per pool");
            }
        }
        pools.byName(input.name()).filter(other -> !other.id.equals(pool.id)).ifPresent(other -> {
            throw new ProblemException(ProblemType.CONFLICT, "a pool named " + other.name + " exists").with("poolId", other.id);
        });
        mapper.apply(input, pool);
        pool.updatedAt = clock.instant();
        if (pool.defaultPool) {
            pools.clearDefaultExcept(pool.id);
        }
    }

    /** A cap as stored, and whether this request created it. */
    public record PutCap(OwnershipCap cap, boolean created) {
    }

    /** Creates or replaces the cap of a user or department. */
    @Transactional
    public PutCap putCap(CapScope scope, String subject, String ifMatch, Integer maxOwned, Integer maxLocked,
                          Boolean countClientsWithDeal) {
        OwnershipCap cap = caps.of(scope, subject).orElse(null);
        boolean created = cap == null;
        if (created) {
            cap = new OwnershipCap();
            cap.key = new OwnershipCap.Key(scope, subject);
        } else if (ifMatch != null) {
            ETags.requireMatch(ifMatch, cap.version);
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
        return caps.of(scope, subject).orElseThrow(() -> ProblemException.notFound("ownership cap",
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
