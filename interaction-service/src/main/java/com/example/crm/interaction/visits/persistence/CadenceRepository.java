package com.example.crm.interaction.visits.persistence;

import com.example.crm.interaction.visits.domain.Cadence;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CadenceRepository implements PanacheRepositoryBase<Cadence, UUID> {
}
