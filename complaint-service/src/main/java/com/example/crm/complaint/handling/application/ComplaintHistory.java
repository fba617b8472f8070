package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.HistoryEntry;
import com.example.crm.complaint.handling.persistence.HistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records what happens to a complaint, in the transaction that makes it happen. */
@ApplicationScoped
public class ComplaintHistory {

    private final HistoryRepository history;

    public ComplaintHistory(HistoryRepository history) {
        this.history = history;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Complaint c, Instant at, String actor, String action, ComplaintStatus from, Object... detail) {
        HistoryEntry entry = new HistoryEntry();
        entry.complaintId = c.id;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = c.status;
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < detail.length; i += 2) {
            if (detail[i + 1] != null) {
                details.put((String) detail[i], jsonValue(detail[i + 1]));
            }
        }
        entry.detail = details;
        history.persist(entry);
    }

    /**
     * Details hold what JSON holds (strings, numbers, booleans): an enum or a UUID would differ from the snapshot
     * Hibernate reads back from the jsonb column and turn every insert into an insert plus an update.
     */
    private static Object jsonValue(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof String ? value : value.toString();
    }
}
