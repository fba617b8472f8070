package com.example.crm.client.card.persistence;

import com.example.crm.client.card.domain.TeamMember;
import com.example.crm.platform.replica.TeamMembership;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMember, TeamMembership.Key> {

    public List<TeamMember> of(UUID clientId) {
        return list("clientId", Sort.ascending("userId"), clientId);
    }

    public Optional<TeamMember> find(UUID clientId, String userId) {
        return findByIdOptional(new TeamMembership.Key(clientId, userId));
    }

    /** The clients whose team {@code userId} is on. */
    public Set<UUID> clientsOf(String userId) {
        return getEntityManager().createQuery("select t.clientId from TeamMember t where t.userId = :user", UUID.class)
                .setParameter("user", userId).getResultStream().collect(Collectors.toUnmodifiableSet());
    }
}
