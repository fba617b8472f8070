package com.example.crm.complaint.handling.api;

import com.example.crm.complaint.handling.domain.Category;
import com.example.crm.complaint.handling.domain.Channel;
import com.example.crm.complaint.handling.domain.CompensationType;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.domain.EscalationLevel;
import com.example.crm.complaint.handling.domain.Severity;
import com.example.crm.platform.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ComplaintView(UUID id, String number, UUID clientId, long version, Channel channel, Category category,
                            Severity severity, String subject, String customerWords, UUID orderId, Instant receivedAt,
                            String assigneeId, ComplaintStatus status, List<ComplaintStatus> allowedTransitions,
                            boolean waitingOnCustomer, Sla sla, Complaint.Acknowledgement acknowledgement,
                            Complaint.Investigation investigation, Complaint.Resolution resolution, UUID solutionId,
                            Compensation compensation, Instant acknowledgedAt, Instant resolvedAt, Instant closedAt,
                            int reopenCount, Instant createdAt, String createdBy) {

    /** The clocks: due times (the resolution one moves while paused), breaches, the escalation level. */
    public record Sla(String policy, Instant firstResponseDueAt, Instant resolutionDueAt, boolean paused,
                      boolean firstResponseBreached, boolean resolutionBreached, EscalationLevel escalationLevel,
                      Instant nextEscalationAt) {
    }

    @Schema(name = "CompensationView")
    public record Compensation(CompensationType type, Money amount) {
    }

    /** A resolved complaint with the token that answers its survey (shown once). */
    public record Resolved(ComplaintView complaint, String surveyToken) {
    }
}
