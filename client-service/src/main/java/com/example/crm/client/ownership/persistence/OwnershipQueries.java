package com.example.crm.client.ownership.persistence;

import com.example.crm.client.ownership.domain.CapScope;
import com.example.crm.client.ownership.domain.ScheduledRecall;
import com.example.crm.platform.persistence.BatchedStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The queries of ownership: counts for caps, claim limits, cool-downs, recall candidates and warnings. */
@ApplicationScoped
public class OwnershipQueries {

    private final EntityManager em;
    private final BatchedStatements statements;

    public OwnershipQueries(EntityManager em, BatchedStatements statements) {
        this.em = em;
        this.statements = statements;
    }

    /**
     * Serialises, until the transaction ends, every change of what {@code ownerId} and {@code department} own, so two
     * claims or assignments at once cannot both pass a cap or a daily limit (department first, always in this order).
     */
    public void lockOwnerScopes(String ownerId, String department) {
        if (department != null) {
            advisoryLock("crm.owner.department:" + department);
        }
        advisoryLock("crm.owner.user:" + ownerId);
    }

    private void advisoryLock(String key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
                .setParameter("key", key).getSingleResult();
    }

    /** Live clients owned by the user or department; those with a deal only when {@code countDeals}. */
    public long owned(CapScope by, String subject, boolean countDeals) {
        String sql = switch (by) {
            case USER -> """
                    select count(*) from client c left join client_activity a on a.client_id = c.id
                    where c.deleted_at is null and c.owner_id = :subject
                      and (:countDeals or not client_has_deal(c.status, a.live_orders))""";
            case DEPARTMENT -> """
                    select count(*) from client c left join client_activity a on a.client_id = c.id
                    where c.deleted_at is null and c.owner_department = :subject
                      and (:countDeals or not client_has_deal(c.status, a.live_orders))""";
        };
        return ((Number) em.createNativeQuery(sql).setParameter("subject", subject)
                .setParameter("countDeals", countDeals).getSingleResult()).longValue();
    }

    /** Whether the client has a deal (an order not cancelled, or status EXISTING): the database's one definition. */
    public boolean hasDeal(UUID clientId) {
        return (Boolean) em.createNativeQuery("""
                        select client_has_deal(c.status, a.live_orders)
                        from client c left join client_activity a on a.client_id = c.id where c.id = :client""",
                        Boolean.class)
                .setParameter("client", clientId).getSingleResult();
    }

    /** Live clients of the user or department that are locked. */
    public long locked(CapScope by, String subject) {
        String sql = switch (by) {
            case USER -> """
                    select count(*) from client c
                    where c.deleted_at is null and c.locked_at is not null and c.owner_id = :subject""";
            case DEPARTMENT -> """
                    select count(*) from client c
                    where c.deleted_at is null and c.locked_at is not null and c.owner_department = :subject""";
        };
        return ((Number) em.createNativeQuery(sql).setParameter("subject", subject).getSingleResult()).longValue();
    }

    /**
     * Counts one claim of {@code userId} from the pool on {@code day}, unless the user already made {@code limit}
     * claims that day: then nothing is counted and the answer is empty.
     */
    public Optional<Integer> countClaim(UUID poolId, String userId, LocalDate day, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("""
                        insert into pool_claim_count (pool_id, user_id, day, claims) values (:pool, :user, :day, 1)
                        on conflict (pool_id, user_id, day) do update set claims = pool_claim_count.claims + 1
                        where pool_claim_count.claims < :limit
                        returning claims""")
                .setParameter("pool", poolId).setParameter("user", userId).setParameter("day", day)
                .setParameter("limit", limit).getResultList();
        return rows.stream().findFirst().map(Number::intValue);
    }

    /** When {@code ownerId} last released the client (returned or recalled), if ever. */
    public Optional<Instant> releasedAt(UUID clientId, String ownerId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                        select released_at from ownership_release where client_id = :client and owner_id = :owner""",
                        Instant.class)
                .setParameter("client", clientId).setParameter("owner", ownerId).getResultList();
        return rows.stream().findFirst().map(Instant.class::cast);
    }

    /** Queued in the transaction's JDBC batch (it commutes: one row per client and owner). */
    public void recordRelease(UUID clientId, String ownerId, Instant at) {
        statements.add("""
                insert into ownership_release (client_id, owner_id, released_at) values (?, ?, ?)
                on conflict (client_id, owner_id) do update set released_at = excluded.released_at""",
                clientId, ownerId, at);
    }

    public boolean poolInUse(UUID poolId) {
        return !em.createNativeQuery("select 1 from client where pool_id = :pool limit 1")
                .setParameter("pool", poolId).getResultList().isEmpty();
    }

    /** When and by which rule the client would be recalled (empty: owned by nobody, locked, or no rule applies). */
    public Optional<ScheduledRecall> scheduled(UUID clientId) {
        return Optional.ofNullable(em.find(ScheduledRecall.class, clientId));
    }

    /**
     * The owned clients due for recall at {@code now} or inside their warning window, in id order: one scan of the
     * schedule serves both parts of a recall run.
     */
    public List<ScheduledRecall> dueOrNear(Instant now) {
        return em.createQuery("select s from ScheduledRecall s where s.warnFrom <= :now order by s.clientId",
                ScheduledRecall.class).setParameter("now", now).getResultList();
    }

    /**
     * Of {@code clientIds}, those no other transaction is changing, locked until this one ends, and still due at
     * {@code now} (read after the lock, so a client another job recalled meanwhile is not due any more).
     */
    @SuppressWarnings("unchecked")
    public List<ScheduledRecall> lockDue(Collection<UUID> clientIds, Instant now) {
        List<UUID> locked = em.createNativeQuery("""
                        select id from client where id in (:ids) and owner_id is not null
                        order by id for update skip locked""", UUID.class)
                .setParameter("ids", clientIds).getResultList();
        if (locked.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select s from ScheduledRecall s where s.clientId in :ids and s.dueAt <= :now
                        order by s.clientId""", ScheduledRecall.class)
                .setParameter("ids", locked).setParameter("now", now).getResultList();
    }

    /**
     * Records the warning for the client's current due date; {@code false} when that very warning was already sent
     * (once per client and due date, also with several jobs at once).
     */
    public boolean recordWarning(ScheduledRecall due, Instant now) {
        return !em.createNativeQuery("""
                        insert into recall_warning (client_id, owner_id, rule, due_at, warned_at)
                        values (:client, :owner, :rule, :due, :now)
                        on conflict (client_id) do update
                        set owner_id = excluded.owner_id, rule = excluded.rule, due_at = excluded.due_at,
                            warned_at = excluded.warned_at
                        where recall_warning.due_at <> excluded.due_at or recall_warning.owner_id <> excluded.owner_id
                        returning client_id""")
                .setParameter("client", due.clientId).setParameter("owner", due.ownerId)
                .setParameter("rule", due.rule.name()).setParameter("due", due.dueAt).setParameter("now", now)
                .getResultList().isEmpty();
    }

    /** Queued in the transaction's JDBC batch (the warning sent for the client's previous ownership goes). */
    public void forgetWarning(UUID clientId) {
        statements.add("delete from recall_warning where client_id = ?", clientId);
    }

    /** The owner's clients due for recall before {@code horizon} (or inside their warning window), soonest first. */
    public List<ScheduledRecall> warningsOf(String ownerId, Instant now, Instant horizon, Instant afterDue,
                                            UUID afterClient, int limit) {
        String window = horizon == null ? "s.warnFrom <= :now" : "s.dueAt <= :horizon";
        String after = afterDue == null ? "" : " and (s.dueAt > :afterDue or (s.dueAt = :afterDue and s.clientId > :afterClient))";
        var query = em.createQuery("select s from ScheduledRecall s where s.ownerId = :owner and " + window + after
                + " order by s.dueAt, s.clientId", ScheduledRecall.class).setParameter("owner", ownerId);
        if (horizon == null) {
            query.setParameter("now", now);
        } else {
            query.setParameter("horizon", horizon);
        }
        if (afterDue != null) {
            query.setParameter("afterDue", afterDue).setParameter("afterClient", afterClient);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
