package com.example.crm.complaint.clients.persistence;

import com.example.crm.complaint.clients.domain.KnownClient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class KnownClientRepository implements PanacheRepositoryBase<KnownClient, UUID> {
}
