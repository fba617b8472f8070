package com.example.crm.client.card.persistence;

import com.example.crm.client.card.domain.TeamMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMember, TeamMember.Key> {

    public List<TeamMember> of(UUID clientId) {
        return list("clientId", Sort.ascending("userId"), clientId);
    }

    public Optional<TeamMember> find(UUID clientId, String userId) {
        return findByIdOptional(new TeamMember.Key(clientId, userId));
    }

    /** The caller's access to each of {@code clientIds} they are a team member of (one query per page). */
    public Map<UUID, TeamMember.Access> accessOf(String userId, Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return list("userId = ?1 and clientId in ?2", userId, clientIds).stream()
                .collect(Collectors.toMap(m -> m.clientId, m -> m.access));
    }

    /** A merge: the duplicate's team joins the survivor's (who is on both keeps the survivor's access). */
    public void moveAll(UUID fromClientId, UUID toClientId) {
        getEntityManager().flush();
        getEntityManager().createNativeQuery("""
                        insert into client_team_member (client_id, user_id, access, added_by, added_at)
                        select ?2, user_id, access, added_by, added_at from client_team_member where client_id = ?1
                        on conflict do nothing""")
                .setParameter(1, fromClientId).setParameter(2, toClientId).executeUpdate();
        delete("clientId", fromClientId);
    }
}
