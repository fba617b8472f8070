package com.example.crm.client.organisation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Where a user works: their department, and whether they manage it. */
@Entity
@Table(name = "org_member")
public class OrgMember extends PanacheEntityBase {

    @Id
    public String userId;

    @Version
    public long version;

    public String departmentId;
    public boolean manager;
    public Instant updatedAt;

    public static OrgMember placed(String userId, Department department, boolean manager, Instant at) {
        OrgMember m = new OrgMember();
        m.userId = userId;
        m.placeIn(department, manager, at);
        return m;
    }

    /** Places the user in an open department, as its manager or not. */
    public void placeIn(Department department, boolean asManager, Instant at) {
        department.requireOpen();
        departmentId = department.id;
        manager = asManager;
        updatedAt = at;
    }
}
