package com.example.crm.complaint.handling.api;

import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.FollowUp;
import com.example.crm.complaint.handling.domain.HistoryEntry;
import com.example.crm.platform.money.MoneyAmount;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Complaints, their history and follow-ups as the API shows them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface ComplaintMapper {

    @Mapping(target = "allowedTransitions", expression = "java(c.status.allowedNext().stream().sorted().toList())")
    @Mapping(target = "sla", expression = "java(sla(c))")
    @Mapping(target = "compensation", expression = "java(compensation(c))")
    ComplaintView toView(Complaint c);

    default ComplaintView.Sla sla(Complaint c) {
        return new ComplaintView.Sla(c.slaPolicy, c.firstResponseDueAt, c.resolutionDueAt, c.waitingOnCustomer,
                c.firstResponseBreached, c.resolutionBreached, c.escalationLevel, c.nextEscalationAt);
    }

    default ComplaintView.Compensation compensation(Complaint c) {
        return c.compensationType == null ? null : new ComplaintView.Compensation(c.compensationType,
                new MoneyAmount(c.compensationAmount, c.compensationCurrency).toMoney());
    }

    /** One entry of a complaint's history. */
    record HistoryView(long id, Instant at, String actor, String action, String fromStatus, String toStatus,
                       Map<String, Object> detail) {
    }

    default HistoryView toView(HistoryEntry e) {
        return new HistoryView(e.id, e.at, e.actor, e.action, e.fromStatus == null ? null : e.fromStatus.name(),
                e.toStatus == null ? null : e.toStatus.name(), e.detail);
    }

    record FollowUpView(UUID id, UUID complaintId, String action, java.time.LocalDate dueOn, String assigneeId,
                        Instant doneAt, Instant createdAt) {
    }

    FollowUpView toView(FollowUp f);
}
