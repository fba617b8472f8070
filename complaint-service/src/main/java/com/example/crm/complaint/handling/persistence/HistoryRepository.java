package com.example.crm.complaint.handling.persistence;

import com.example.crm.complaint.handling.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public List<HistoryEntry> page(UUID complaintId, Long afterId, int limit) {
        if (afterId == null) {
            return find("complaintId", Sort.ascending("id"), complaintId).range(0, limit - 1).list();
        }
        return find("complaintId = ?1 and id > ?2", Sort.ascending("id"), complaintId, afterId).range(0, limit - 1).list();
    }

    /** Erasure: notes and reasons in the details may quote the customer. */
    public int scrubClient(UUID clientId) {
        return getEntityManager().createNativeQuery("""
                        update complaint_history set detail = detail - 'reason' - 'note' - 'comment'
                        where complaint_id in (select id from complaint where client_id = :client)""")
                .setParameter("client", clientId).executeUpdate();
    }
}
