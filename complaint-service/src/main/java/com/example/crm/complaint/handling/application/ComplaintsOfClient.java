package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import com.example.crm.complaint.handling.persistence.HistoryRepository;
import com.example.crm.platform.replica.ClientOwnedData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** A client's complaints and their history: moved to the survivor of a merge, scrubbed on erasure. */
@ApplicationScoped
public class ComplaintsOfClient implements ClientOwnedData {

    private final ComplaintRepository complaints;
    private final HistoryRepository history;

    public ComplaintsOfClient(ComplaintRepository complaints, HistoryRepository history) {
        this.complaints = complaints;
        this.history = history;
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        complaints.moveToClient(mergedId, survivorId);
    }

    @Override
    public void scrub(UUID clientId) {
        complaints.scrubClient(clientId);
        history.scrubClient(clientId);
    }
}
