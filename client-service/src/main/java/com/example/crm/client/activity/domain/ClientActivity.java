package com.example.crm.client.activity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** The follow-ups and orders of a client learned from {@code crm.interaction.v1} (written by the activity projection). */
@Entity
@Immutable
@Table(name = "client_activity")
public class ClientActivity {

    @Id
    public UUID clientId;
    public Instant lastFollowUpAt;
    public Instant lastOrderAt;
    /** Orders on record that are not cancelled. */
    public int liveOrders;
}
