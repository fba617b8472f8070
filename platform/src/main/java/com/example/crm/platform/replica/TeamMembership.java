package com.example.crm.platform.replica;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A client team entry (platform migration 0.5's {@code client_team_member}) as list queries read it: who is on which
 * client's team. Read-only here; client-service writes its own, the other services' replica writes it by statement.
 */
@Entity
@Immutable
@Table(name = "client_team_member")
@IdClass(TeamMembership.Key.class)
public class TeamMembership {

    @Id
    public UUID clientId;

    @Id
    public String userId;

    public String access;

    /** The primary key: one entry per client and user. */
    public static class Key implements Serializable {
        public UUID clientId;
        public String userId;

        public Key() {
        }

        public Key(UUID clientId, String userId) {
            this.clientId = clientId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, userId);
        }
    }
}
