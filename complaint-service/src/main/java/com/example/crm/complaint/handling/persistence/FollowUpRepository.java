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
}
