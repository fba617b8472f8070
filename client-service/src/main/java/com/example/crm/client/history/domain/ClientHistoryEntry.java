package com.example.crm.client.history.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One change of a card: who, when, why, and each changed field's old and new value. */
@Entity
@Table(name = "client_history")
public class ClientHistoryEntry extends PanacheEntityBase {

    public enum Action {
        REGISTERED, UPDATED, STATUS_CHANGED, VERIFIED, OWNER_CHANGED, CLASSIFIED,
        CONTACT_ADDED, CONTACT_UPDATED, CONTACT_REMOVED, DELETED, RESTORED, ERASED, MERGED, MERGED_INTO,
        CLAIMED, ASSIGNED, RETURNED_TO_POOL, RECALLED, LOCKED, UNLOCKED, TEAM_MEMBER_ADDED, TEAM_MEMBER_CHANGED,
        TEAM_MEMBER_REMOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID clientId;
    public long version;
    public Instant at;
    public String actor;

    @Enumerated(EnumType.STRING)
    public Action action;

    public String reason;

    /** {@code {"address.city": {"from": "北京市", "to": "上海市"}}} */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode changes;
}
