package com.example.crm.platform.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.UUID;

/**
 * Client teams (platform migration 0.5's {@code client_team_member}) as records of their client, in every service:
 * a merged duplicate's members join the survivor's team (who is on both keeps the survivor's access); an erasure
 * leaves them (user ids and access levels are the organisation's data, not the client's).
 */
@ApplicationScoped
public class TeamsOfClients implements ClientOwnedData {

    private final EntityManager em;

    public TeamsOfClients(EntityManager em) {
        this.em = em;
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        em.flush();
        em.createNativeQuery("""
                        delete from client_team_member m where m.client_id = ?1
                          and exists (select 1 from client_team_member s where s.client_id = ?2 and s.user_id = m.user_id)""")
                .setParameter(1, mergedId).setParameter(2, survivorId).executeUpdate();
        em.createNativeQuery("update client_team_member set client_id = ?2 where client_id = ?1")
                .setParameter(1, mergedId).setParameter(2, survivorId).executeUpdate();
    }

    @Override
    public void scrub(UUID clientId) {
        // nothing personal of the client's
    }

    @Override
    public Set<String> tableNames() {
        return Set.of("client_team_member");
    }
}
