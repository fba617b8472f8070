package com.example.crm.client.card.application;

import com.example.crm.client.card.persistence.TeamMemberRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** A card's team: a merged duplicate's members join the survivor's team; an erasure leaves it (no personal data). */
@ApplicationScoped
public class TeamOfClient implements ClientOwnedData {

    private final TeamMemberRepository team;

    public TeamOfClient(TeamMemberRepository team) {
        this.team = team;
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        team.moveAll(mergedId, survivorId);
    }

    @Override
    public void scrub(UUID clientId) {
        // user ids and access levels are the organisation's data, not the client's
    }
}
