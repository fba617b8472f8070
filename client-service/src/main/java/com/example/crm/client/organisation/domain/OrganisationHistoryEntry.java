package com.example.crm.client.organisation.domain;

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

/** One change of the organisation: a department opened, renamed, moved or closed, or a user placed. */
@Entity
@Table(name = "organisation_history")
public class OrganisationHistoryEntry extends PanacheEntityBase {

    public enum Kind { DEPARTMENT, MEMBER }

    public enum Change { OPENED, RENAMED, MOVED, CLOSED, PLACED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String subject;

    @Enumerated(EnumType.STRING)
    public Change action;

    public Instant at;
    public String actor;

    /** {@code {"parentId": {"from": "east", "to": "south"}}} */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode changes;
}
