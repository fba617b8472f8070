package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.FollowUp;
import com.example.crm.complaint.handling.persistence.FollowUpRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Follow-up actions of a complaint (step 4 of docs/domain.md, "Complaint handling"): planned with a due day, done
 * once; each in the complaint's history. Who may is the handler rule of {@link ComplaintService}.
 */
@ApplicationScoped
public class FollowUps {

    private final FollowUpRepository followUps;
    private final ComplaintService complaints;
    private final ComplaintHistory history;
    private final BusinessCalendar calendar;
    private final CurrentUser user;
    private final Clock clock;

    public FollowUps(FollowUpRepository followUps, ComplaintService complaints, ComplaintHistory history,
                     BusinessCalendar calendar, CurrentUser user, Clock clock) {
        this.followUps = followUps;
        this.complaints = complaints;
        this.history = history;
        this.calendar = calendar;
        this.user = user;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUp> of(UUID id) {
        complaints.get(id);
        return followUps.of(id);
    }

    @Transactional
    public FollowUp add(UUID id, ComplaintCommands.FollowUp input) {
        Complaint c = complaints.get(id);
        complaints.requireHandler(c);
        if (input.dueOn().isBefore(calendar.today())) {
            throw new DomainException.InvalidValue("dueOn", "must not be in the past");
        }
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.complaintId = id;
        followUp.action = input.action();
        followUp.dueOn = input.dueOn();
        followUp.assigneeId = input.assigneeId() == null ? c.assigneeId : input.assigneeId();
        followUp.createdAt = clock.instant();
        followUps.persist(followUp);
        history.record(c, followUp.createdAt, user.id(), "FOLLOW_UP_PLANNED", c.status, "dueOn", input.dueOn().toString());
        return followUp;
    }

    @Transactional
    public FollowUp complete(UUID followUpId) {
        FollowUp followUp = followUps.findByIdOptional(followUpId)
                .orElseThrow(() -> new DomainException.NotFound("follow-up", followUpId));
        Complaint c = complaints.get(followUp.complaintId);
        complaints.requireHandler(c);
        if (followUp.doneAt == null) {
            followUp.doneAt = clock.instant();
            history.record(c, followUp.doneAt, user.id(), "FOLLOW_UP_DONE", c.status, "followUpId", followUpId.toString());
        }
        return followUp;
    }
}
