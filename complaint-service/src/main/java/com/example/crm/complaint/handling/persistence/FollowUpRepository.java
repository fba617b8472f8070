package com.example.crm.complaint.handling.persistence;

import com.example.crm.complaint.handling.domain.FollowUp;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    public List<FollowUp> of(UUID complaintId) {
        return list("complaintId", Sort.ascending("dueOn", "id"), complaintId);
    }

    /** Erasure: what a follow-up was to do may name the customer; when and by whom stay. */
    public int scrubClient(UUID clientId) {
        return getEntityManager().createNativeQuery("""
                        update complaint_follow_up set action = '(erased)'
                        where complaint_id in (select id from complaint where client_id = :client)""")
                .setParameter("client", clientId).executeUpdate();
    }
}
