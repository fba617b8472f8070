package com.example.crm.client.organisation.persistence;

import com.example.crm.client.organisation.domain.OrganisationHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OrganisationHistoryRepository implements PanacheRepositoryBase<OrganisationHistoryEntry, Long> {

    /** A page of one department's or user's history, newest first, after entry {@code after} when given. */
    public List<OrganisationHistoryEntry> page(OrganisationHistoryEntry.Kind kind, String subject, Long after, int limit) {
        if (after == null) {
            return find("kind = ?1 and subject = ?2", Sort.descending("id"), kind, subject).range(0, limit - 1).list();
        }
        return find("kind = ?1 and subject = ?2 and id < ?3", Sort.descending("id"), kind, subject, after)
                .range(0, limit - 1).list();
    }
}
