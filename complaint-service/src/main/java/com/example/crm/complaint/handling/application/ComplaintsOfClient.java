package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import com.example.crm.complaint.handling.persistence.FollowUpRepository;
import com.example.crm.complaint.handling.persistence.HistoryRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * A client's complaints with their history and follow-ups: moved to the survivor of a merge (the history and
 * follow-ups hang off the complaints), their free text scrubbed on erasure.
 */
@ApplicationScoped
public class ComplaintsOfClient implements ClientOwnedData {

    private final ComplaintRepository complaints;
    private final HistoryRepository history;
    private final FollowUpRepository followUps;

    public ComplaintsOfClient(ComplaintRepository complaints, HistoryRepository history, FollowUpRepository followUps) {
        this.complaints = complaints;
        this.history = history;
        this.followUps = followUps;
    }

    @Override
    public Set<String> tableNames() {
        return Set.of("complaint", "complaint_history", "complaint_follow_up");
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        complaints.moveToClient(mergedId, survivorId);
    }

    @Override
    public void scrub(UUID clientId) {
        complaints.scrubClient(clientId);
        history.scrubClient(clientId);
        followUps.scrubClient(clientId);
    }
}
