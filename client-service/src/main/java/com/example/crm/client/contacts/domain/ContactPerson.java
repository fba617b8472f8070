package com.example.crm.client.contacts.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person at the client (联系人). */
@Entity
@Table(name = "contact_person")
public class ContactPerson extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID clientId;

    @Version
    public long version;

    public String name;
    public String title;
    public boolean decisionMaker;
    public String phone;
    public String email;
    public String preferences;
    public LocalDate birthday;
    public String notes;
    public Instant createdAt;
    public Instant updatedAt;
}
