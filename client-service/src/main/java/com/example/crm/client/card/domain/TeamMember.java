package com.example.crm.client.card.domain;

import com.example.crm.platform.replica.TeamMembership;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A team member (协作人) of a client: a user the owner or a manager added, who reads the card ({@code READ}) or also
 * changes it and logs contacts as its owner does ({@code EDIT}); never transfers, returns, locks or deletes it.
 */
@Entity
@Table(name = "client_team_member")
@IdClass(TeamMembership.Key.class)
public class TeamMember extends PanacheEntityBase {

    public enum Access { READ, EDIT }

    @Id
    public UUID clientId;

    @Id
    public String userId;

    @Enumerated(EnumType.STRING)
    public Access access;

    public String addedBy;
    public Instant addedAt;

    public static TeamMember of(UUID clientId, String userId, Access access, String by, Instant at) {
        TeamMember m = new TeamMember();
        m.clientId = clientId;
        m.userId = userId;
        m.access = access;
        m.addedBy = by;
        m.addedAt = at;
        return m;
    }
}
