package com.example.crm.client.activity.persistence;

import com.example.crm.client.activity.domain.ClientActivity;
import com.example.crm.platform.persistence.BatchedStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes of the activity projection (client_activity, client_order), in JDBC batches where they commute. */
@ApplicationScoped
public class ActivityRepository {

    private static final String CONTACT = """
            insert into client_activity (client_id, last_follow_up_at) values (?, ?)
            on conflict (client_id) do update
            set last_follow_up_at = greatest(client_activity.last_follow_up_at, excluded.last_follow_up_at)""";
    private static final String ORDER_PLACED = """
            with placed as (
                insert into client_order (order_id, client_id, ordered_at) values (?, ?, ?)
                on conflict (order_id) do nothing
                returning client_id, ordered_at)
            insert into client_activity (client_id, last_order_at, live_orders)
            select client_id, ordered_at, 1 from placed
            on conflict (client_id) do update
            set last_order_at = greatest(client_activity.last_order_at, excluded.last_order_at),
                live_orders = client_activity.live_orders + 1""";
    private static final String ORDER_CANCELLED = """
            insert into client_order (order_id, client_id, ordered_at, cancelled) values (?, ?, ?, true)
            on conflict (order_id) do update set cancelled = true""";
    /** Order figures recomputed from the orders on record; the last follow-up is the later of the clients'. */
    private static final String RECOMPUTE = """
            insert into client_activity (client_id, last_follow_up_at, last_order_at, live_orders)
            select ?, (select max(last_follow_up_at) from client_activity where client_id in (?, ?)),
                   max(ordered_at) filter (where not cancelled), count(*) filter (where not cancelled)
            from client_order where client_id = ?
            on conflict (client_id) do update
            set last_follow_up_at = excluded.last_follow_up_at, last_order_at = excluded.last_order_at,
                live_orders = excluded.live_orders""";

    private final BatchedStatements statements;
    private final EntityManager em;

    public ActivityRepository(BatchedStatements statements, EntityManager em) {
        this.statements = statements;
        this.em = em;
    }

    public ClientActivity find(UUID clientId) {
        return em.find(ClientActivity.class, clientId);
    }

    public void contactLogged(UUID clientId, Instant at) {
        statements.add(CONTACT, clientId, at);
    }

    public void orderPlaced(UUID orderId, UUID clientId, Instant orderedAt) {
        statements.add(ORDER_PLACED, orderId, clientId, orderedAt);
    }

    /** A cancelled order no longer counts (also when its placement comes later). */
    public void orderCancelled(UUID orderId, UUID clientId, Instant orderedAt) {
        statements.now(ORDER_CANCELLED, orderId, clientId, orderedAt);
        statements.now(RECOMPUTE, clientId, clientId, clientId, clientId);
    }

    /** A merge: the duplicate's orders and follow-ups count for the survivor from now on. */
    public void moveToClient(UUID from, UUID to) {
        statements.now("update client_order set client_id = ? where client_id = ?", to, from);
        statements.now(RECOMPUTE, to, to, from, to);
        statements.now("delete from client_activity where client_id = ?", from);
    }

    /**
     * The clients that facts about {@code clientIds} belong to: each one, or the card it was merged into. The cards
     * are locked for share until the transaction ends, so a merge running at the same time either waits for these
     * facts (and moves them) or has committed before they are read (and they go to the survivor).
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> survivorsLocked(Collection<UUID> clientIds) {
        Map<UUID, UUID> survivors = new HashMap<>();
        Collection<UUID> pending = clientIds;
        for (int hop = 0; hop < 5 && !pending.isEmpty(); hop++) {
            List<Object[]> rows = em.createNativeQuery("""
                            select id, merged_into from client where id in (:ids) order by id for share""")
                    .setParameter("ids", pending).getResultList();
            List<UUID> next = new java.util.ArrayList<>();
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                UUID mergedInto = (UUID) row[1];
                if (mergedInto != null) {
                    survivors.replaceAll((k, v) -> v.equals(id) ? mergedInto : v);
                    survivors.putIfAbsent(id, mergedInto);
                    next.add(mergedInto);
                }
            }
            pending = next;
        }
        return survivors;
    }
}
