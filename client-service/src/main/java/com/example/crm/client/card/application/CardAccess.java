package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.TeamMember;
import com.example.crm.client.card.domain.VisibleBecause;
import com.example.crm.client.card.persistence.ClientRepository;
import com.example.crm.client.card.persistence.TeamMemberRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.scope.Scope;
import com.example.crm.platform.security.CallerScope;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who reads and who changes a card (docs/domain.md, "Data scope"). A caller reads a card they own, whose team they
 * are on, that sits in a pool they belong to, or whose owner sits in a department their data scope covers; any other
 * card does not exist for them (404, so ids cannot be probed); managers and admins also see the cards whose owner's
 * department is not known ({@link Scope#unplacedOwners}). Its owner, its EDIT team members, managers and admins
 * change it; only the owner, managers and admins hand it over, return, lock or delete it.
 */
@RequestScoped
public class CardAccess {

    private final CallerScope scope;
    private final CurrentUser user;
    private final TeamMemberRepository team;
    private final CallerPools pools;
    private Set<UUID> teamClients;

    public CardAccess(CallerScope scope, CurrentUser user, TeamMemberRepository team, CallerPools pools) {
        this.scope = scope;
        this.user = user;
        this.team = team;
        this.pools = pools;
    }

    /** Why the caller sees the card, if they do (the first that applies: owner, team, pool, scope). */
    public Optional<VisibleBecause> why(Client client) {
        Scope s = scope.get();
        if (s.owns(client.ownerId)) {
            return Optional.of(VisibleBecause.OWNER);
        }
        if (teamClients().contains(client.id)) {
            return Optional.of(VisibleBecause.TEAM);
        }
        if (client.ownerId == null && client.poolId != null && pools.poolsOfCaller().contains(client.poolId)) {
            return Optional.of(VisibleBecause.POOL);
        }
        if (s.covers(client.ownerId, client.ownerDepartment)) {
            return Optional.of(VisibleBecause.SCOPE);
        }
        return Optional.empty();
    }

    /** Why the caller sees each card of a page. */
    public Map<UUID, VisibleBecause> why(Collection<Client> page) {
        Map<UUID, VisibleBecause> reasons = new java.util.HashMap<>();
        page.forEach(c -> why(c).ifPresent(reason -> reasons.put(c.id, reason)));
        return reasons;
    }

    /** The reason the caller sees the card; a card they do not see is not found. */
    public VisibleBecause requireVisible(Client client) {
        return why(client).orElseThrow(() -> new DomainException.NotFound("client", client.id));
    }

    /** The card's owner, a manager, an admin or an EDIT team member may change it; refused otherwise. */
    public void requireEditor(Client client) {
        if (user.isSupervisor() || user.id().equals(client.ownerId)) {
            return;
        }
        if (team.find(client.id, user.id()).map(m -> m.access == TeamMember.Access.EDIT).orElse(false)) {
            return;
        }
        throw new DomainException.AccessDenied("only the owner of client " + client.id
                + ", an EDIT team member, a manager or an admin may change it");
    }

    /** The clients the caller reads, as a list query applies it. */
    public ClientRepository.ReadScope readScope() {
        Scope s = scope.get();
        if (s.all()) {
            return ClientRepository.ReadScope.EVERYTHING;
        }
        return new ClientRepository.ReadScope(false, s.userId(), s.departments(), pools.poolsOfCaller(),
                s.unplacedOwners(), teamClients());
    }

    /** The clients whose team the caller is on, read once per request. */
    private Set<UUID> teamClients() {
        if (teamClients == null) {
            teamClients = team.clientsOf(user.id());
        }
        return teamClients;
    }
}
