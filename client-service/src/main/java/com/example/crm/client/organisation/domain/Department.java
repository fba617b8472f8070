package com.example.crm.client.organisation.domain;

import com.example.crm.platform.domain.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Set;

/**
 * A department of the organisation's tree. Its id is the value a token's department claim names; a department is
 * never deleted, only closed (its history and the clients its people owned still name it).
 */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    public String id;

    @Version
    public long version;

    public String name;
    public String parentId;
    public Instant closedAt;
    public Instant createdAt;
    public Instant updatedAt;

    public static Department open(String id, String name, Department parent, Instant at) {
        if (parent != null) {
            parent.requireOpen();
        }
        Department d = new Department();
        d.id = id;
        d.name = name;
        d.parentId = parent == null ? null : parent.id;
        d.createdAt = at;
        d.updatedAt = at;
        return d;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public void rename(String newName, Instant at) {
        requireOpen();
        name = newName;
        updatedAt = at;
    }

    /**
     * Moves this department (and everything below it) under {@code parent}, or to the top when {@code null}.
     * {@code subtree} is this department and every department below it: a department cannot sit below itself.
     */
    public void moveUnder(Department parent, Set<String> subtree, Instant at) {
        requireOpen();
        if (parent != null) {
            if (subtree.contains(parent.id)) {
                throw new DomainException.Conflict("department " + id + " cannot move under " + parent.id
                        + ", which is itself or below it").with("parentId", parent.id);
            }
            parent.requireOpen();
        }
        parentId = parent == null ? null : parent.id;
        updatedAt = at;
    }

    /** Closes the department; it must hold no people and no open department below it. */
    public void close(long people, long openChildren, Instant at) {
        requireOpen();
        if (people > 0 || openChildren > 0) {
            throw new DomainException.Conflict("department " + id + " still has " + people + " people and "
                    + openChildren + " open departments below it; move them first")
                    .with("people", people).with("openDepartments", openChildren);
        }
        closedAt = at;
        updatedAt = at;
    }

    public void requireOpen() {
        if (isClosed()) {
            throw new DomainException.Conflict("department " + id + " is closed").with("departmentId", id);
        }
    }
}
