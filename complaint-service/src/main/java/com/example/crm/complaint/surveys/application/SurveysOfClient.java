package com.example.crm.complaint.surveys.application;

import com.example.crm.complaint.surveys.persistence.SurveyRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** The surveys of a client's complaints: their comments scrubbed on erasure; a merge moves the complaints. */
@ApplicationScoped
public class SurveysOfClient implements ClientOwnedData {

    private final SurveyRepository surveys;

    public SurveysOfClient(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public Set<String> tableNames() {
        return Set.of("survey");
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        // surveys belong to complaints, which the complaints' own data moves
    }

    @Override
    public void scrub(UUID clientId) {
        surveys.scrubClient(clientId);
    }
}
