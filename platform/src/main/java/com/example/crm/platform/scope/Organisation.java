package com.example.crm.platform.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the department tree and the users' places in it (platform migration 0.5: {@code department},
 * {@code department_closure}, {@code org_member}), in the service's own schema: client-service's organisation, or
 * the replica the other services keep of it. Its reads do not flush the caller's pending changes.
 */
@ApplicationScoped
public class Organisation {

    /** Where a user sits: their department, and whether they manage it. */
    public record Placement(String departmentId, boolean manager) {
    }

    private final EntityManager em;

    public Organisation(EntityManager em) {
        this.em = em;
    }

    public Optional<Placement> placementOf(String userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select department_id, manager from org_member where user_id = ?1")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(r -> new Placement((String) r[0], (Boolean) r[1]));
    }

    /** The department the organisation places {@code userId} in, else {@code otherwise} (e.g. what a request names). */
    public String departmentOf(String userId, String otherwise) {
        return placementOf(userId).map(Placement::departmentId).orElse(otherwise);
    }

    /** The department and every department below it; a department the tree does not know stands alone. */
    public Set<String> departmentAndBelow(String departmentId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery(
                        "select descendant_id from department_closure where ancestor_id = ?1", String.class)
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, departmentId).getResultList();
        Set<String> all = new HashSet<>(ids);
        all.add(departmentId);
        return all;
    }

    /** Recomputes the closure from the parent links (after any change to the tree), in the caller's transaction. */
    public void rebuildClosure() {
        em.flush();
        em.createNativeQuery("select rebuild_department_closure()").getSingleResult();
    }
}
