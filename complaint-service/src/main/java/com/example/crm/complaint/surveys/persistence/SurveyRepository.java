package com.example.crm.complaint.surveys.persistence;

import com.example.crm.complaint.surveys.domain.Survey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {

    /** The complaint's latest survey (a reopened and again resolved complaint gets a new one). */
    public Optional<Survey> latestOf(UUID complaintId) {
        return find("complaintId", Sort.descending("openedAt"), complaintId).firstResultOptional();
    }

    public Optional<Survey> byTokenHash(String sha256) {
        return find("tokenSha256", sha256).firstResultOptional();
    }

    public int scrubClient(UUID clientId) {
        return update("comment = null where complaintId in (select c.id from Complaint c where c.clientId = ?1)", clientId);
    }
}
