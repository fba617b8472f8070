package com.example.crm.segmentation.projection.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * The card facts of the projection as queries see them (read-only: the projection is written by set-based SQL in
 * {@code ProjectionRepository}); lists filter classifications by owner through it.
 */
@Entity
@Immutable
@Table(name = "client_profile")
public class ClientCard {

    @Id
    public UUID clientId;
    public String ownerId;
}
