package com.example.crm.client.card.application;

import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.TeamMember;
import com.example.crm.client.card.persistence.TeamMemberRepository;
import com.example.crm.client.history.application.ClientHistory;
import com.example.crm.client.history.domain.ClientHistoryEntry.Action;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's team (协作人): added, changed and removed by its owner, a manager or an admin who sees the card; each
 * change is in the card's history and announced with the whole team.
 */
@ApplicationScoped
public class CardTeam {

    /** Team members a client may have. */
    public static final int MAX_MEMBERS = 50;

    private final ClientService cards;
    private final TeamMemberRepository team;
    private final ClientHistory history;
    private final CardEvents events;
    private final CurrentUser user;
    private final Clock clock;

    public CardTeam(ClientService cards, TeamMemberRepository team, ClientHistory history, CardEvents events,
                    CurrentUser user, Clock clock) {
        this.cards = cards;
        this.team = team;
        this.history = history;
        this.events = events;
        this.user = user;
        this.clock = clock;
    }

    /** A team member as set, and whether they joined the team with this request. */
    public record Put(TeamMember member, boolean created) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamMember> of(UUID clientId) {
        cards.get(clientId);
        return team.of(clientId);
    }

    @Transactional
    public Put put(UUID clientId, String userId, TeamMember.Access access) {
        Client client = manageable(clientId);
        if (userId.equals(client.ownerId)) {
            throw new DomainException.InvalidValue("userId", "is the client's owner, who needs no team membership");
        }
        Instant now = clock.instant();
        TeamMember member = team.find(clientId, userId).orElse(null);
        boolean created = member == null;
        if (created) {
            if (team.count("clientId", clientId) >= MAX_MEMBERS) {
                throw new DomainException.Conflict("a client has at most " + MAX_MEMBERS + " team members");
            }
            member = TeamMember.of(clientId, userId, access, user.id(), now);
            team.persist(member);
            history.record(clientId, client.version, Action.TEAM_MEMBER_ADDED, user.id(), null,
                    history.change("team." + userId, null, access));
        } else if (member.access != access) {
            history.record(clientId, client.version, Action.TEAM_MEMBER_CHANGED, user.id(), null,
                    history.change("team." + userId, member.access, access));
            member.access = access;
        } else {
            return new Put(member, false);
        }
        team.flush();
        events.teamChanged(client, team.of(clientId), now);
        return new Put(member, created);
    }

    @Transactional
    public void remove(UUID clientId, String userId) {
        Client client = manageable(clientId);
        TeamMember member = team.find(clientId, userId)
                .orElseThrow(() -> new DomainException.NotFound("team member", userId));
        team.delete(member);
        team.flush();
        history.record(clientId, client.version, Action.TEAM_MEMBER_REMOVED, user.id(), null,
                history.change("team." + userId, member.access, null));
        events.teamChanged(client, team.of(clientId), clock.instant());
    }

    private Client manageable(UUID clientId) {
        Client client = cards.get(clientId);
        if (client.isDeleted()) {
            throw new DomainException.Conflict("client " + clientId + " is deleted; restore it first");
        }
        user.requireOwnerOrSupervisor(client.ownerId, "client " + clientId + "'s team");
        return client;
    }
}
