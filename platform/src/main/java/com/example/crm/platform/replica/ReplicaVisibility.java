package com.example.crm.platform.replica;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CallerScope;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.scope.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.util.UUID;

/**
 * The data scope over a service's replica of clients (docs/domain.md, "Data scope"): a caller sees a client they own,
 * whose team they are on, or whose owner's department their scope covers; a client without an owner (in a pool) or
 * whose owner's department is not known here (registered before the organisation placed its owner) is seen by
 * managers and admins and by callers whose scope is everything. Whatever belongs to a client it does not see
 * does not exist for them (404). Lists apply the same rule inside their query ({@link #condition}).
 */
@RequestScoped
public class ReplicaVisibility {

    private final CallerScope scope;
    private final CurrentUser user;
    private final EntityManager em;

    public ReplicaVisibility(CallerScope scope, CurrentUser user, EntityManager em) {
        this.scope = scope;
        this.user = user;
        this.em = em;
    }

    public boolean sees(ReplicatedClient client) {
        Scope s = scope.get();
        if (s.covers(client.ownerId, client.ownerDepartment)) {
            return true;
        }
        if (client.ownerId == null && user.isSupervisor()) {
            return true;
        }
        return onTeam(client.id);
    }

    /** The client, when the caller sees it; not found otherwise, answered exactly as an unknown client. */
    public <K extends ReplicatedClient> K requireVisible(K client) {
        if (!sees(client)) {
            throw new DomainException.NotFound("client", client.id).with("retryable", true);
        }
        return client;
    }

    /**
     * Passes when the caller may work on a client they see as its owner does: its owner, a manager or an admin, or
     * an EDIT team member; refused (AccessDenied) otherwise.
     */
    public void requireEditor(ReplicatedClient client, String what) {
        if (user.isSupervisor() || user.id().equals(client.ownerId) || editsAsTeamMember(client.id)) {
            return;
        }
        throw new DomainException.AccessDenied("only the owner of " + what
                + ", an EDIT team member, a manager or an admin may change it");
    }

    /**
     * The rule as a SQL condition over the replica table's alias {@code k} ({@code owner_id}, {@code owner_department},
     * {@code id}), with its parameters bound by {@link #bind}; {@code true} when the caller sees everything.
     */
    public String condition(String k) {
        Scope s = scope.get();
        if (s.all()) {
            return "true";
        }
        return "(" + k + ".owner_id = :scopeUser or " + k + ".owner_department = any(cast(:scopeDepartments as text[]))"
                + " or " + k + ".id in (select t.client_id from client_team_member t where t.user_id = :scopeUser)"
                + (s.unplacedOwners() ? " or " + k + ".owner_department is null" : "")
                + (user.isSupervisor() ? " or " + k + ".owner_id is null" : "") + ")";
    }

    /** A condition of a list query with its named parameters. */
    public record Condition(String hql, java.util.Map<String, Object> parameters) {
    }

    /**
     * The rule as an HQL condition on a record's client id ({@code clientIdPath}, e.g. {@code clientId}) against the
     * service's replica entity ({@code replicaEntity}, e.g. {@code KnownClient}): the records of the clients the
     * caller sees; {@code 1 = 1} when they see every client.
     */
    public Condition hql(String clientIdPath, String replicaEntity) {
        Scope s = scope.get();
        if (s.all()) {
            return new Condition("1 = 1", java.util.Map.of());
        }
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("scopeUser", s.userId());
        StringBuilder visible = new StringBuilder("k.ownerId = :scopeUser");
        if (!s.departments().isEmpty()) {
            visible.append(" or k.ownerDepartment in :scopeDepartments");
            parameters.put("scopeDepartments", s.departments());
        }
        if (s.unplacedOwners()) {
            visible.append(" or k.ownerDepartment is null");
        }
        if (user.isSupervisor()) {
            visible.append(" or k.ownerId is null");
        }
        return new Condition("(" + clientIdPath + " in (select k.id from " + replicaEntity + " k where " + visible + ")"
                + " or " + clientIdPath + " in (select t.clientId from TeamMembership t where t.userId = :scopeUser))",
                parameters);
    }

    /** Binds the parameters of {@link #condition} to a native query. */
    public jakarta.persistence.Query bind(jakarta.persistence.Query query) {
        Scope s = scope.get();
        if (!s.all()) {
            query.setParameter("scopeUser", s.userId());
            query.setParameter("scopeDepartments", s.departments().toArray(String[]::new));
        }
        return query;
    }

    /** Passes for the client's owner, a manager or an admin; refused (AccessDenied) otherwise. */
    public void requireOwnerOrSupervisor(ReplicatedClient client, String what) {
        user.requireOwnerOrSupervisor(client.ownerId, what);
    }

    private boolean onTeam(UUID clientId) {
        return teamAccess(clientId) != null;
    }

    private boolean editsAsTeamMember(UUID clientId) {
        return "EDIT".equals(teamAccess(clientId));
    }

    private String teamAccess(UUID clientId) {
        return (String) em.createNativeQuery("select access from client_team_member where client_id = ?1 and user_id = ?2")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, clientId).setParameter(2, user.id())
                .getResultStream().findFirst().orElse(null);
    }
}
