package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.clients.domain.KeyClientChanged;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.SlaClocks;
import com.example.crm.complaint.handling.domain.SlaPolicy;
import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;

/** A client becoming (or ceasing to be) a key client retargets its open complaints' SLA at once. */
@ApplicationScoped
public class SlaRetargeting {

    private final ComplaintRepository complaints;
    private final SlaPolicy policy;
    private final SlaClocks clocks;
    private final ComplaintHistory history;
    private final Clock clock;

    public SlaRetargeting(ComplaintRepository complaints, SlaPolicy policy, SlaClocks clocks, ComplaintHistory history,
                          Clock clock) {
        this.complaints = complaints;
        this.policy = policy;
        this.clocks = clocks;
        this.history = history;
        this.clock = clock;
    }

    void onKeyClientChanged(@Observes KeyClientChanged change) {
        for (Complaint complaint : complaints.openOf(change.client().id)) {
            String before = complaint.slaPolicy;
            clocks.retarget(complaint, policy.targets(complaint.severity, change.client()));
            history.record(complaint, clock.instant(), "segmentation", "SLA_RETARGETED", complaint.status,
                    "from", before, "to", complaint.slaPolicy);
        }
    }
}
