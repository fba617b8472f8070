package com.example.crm.complaint.surveys.application;

import com.example.crm.complaint.config.ComplaintConfig;
import com.example.crm.complaint.handling.application.ComplaintEvents;
import com.example.crm.complaint.handling.application.ComplaintHistory;
import com.example.crm.complaint.handling.application.ComplaintService;
import com.example.crm.complaint.handling.application.SatisfactionSurveys;
import com.example.crm.complaint.handling.domain.Complaint;
import com.example.crm.complaint.handling.domain.ComplaintStatus;
import com.example.crm.complaint.handling.persistence.ComplaintRepository;
import com.example.crm.complaint.surveys.domain.Survey;
import com.example.crm.complaint.surveys.persistence.SurveyRepository;
import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.security.CurrentUser;
import com.example.crm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Satisfaction surveys (docs/domain.md, "Complaint handling"): opened when a complaint is resolved, answered once, by the customer with
 * the survey's token (only its SHA-256 is stored; the token is shown once, at resolution or when reissued) or by
 * staff from a call. A low score reopens the complaint and escalates it one level.
 */
@ApplicationScoped
public class SurveyService implements SatisfactionSurveys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyRepository surveys;
    private final ComplaintRepository complaints;
    private final Instance<ComplaintService> complaintService;
    private final ComplaintHistory history;
    private final ComplaintEvents events;
    private final ComplaintConfig config;
    private final CurrentUser user;
    private final Clock clock;

    public SurveyService(SurveyRepository surveys, ComplaintRepository complaints,
                         Instance<ComplaintService> complaintService, ComplaintHistory history,
                         ComplaintEvents events, ComplaintConfig config, CurrentUser user, Clock clock) {
        this.surveys = surveys;
        this.complaints = complaints;
        this.complaintService = complaintService;
        this.history = history;
        this.events = events;
        this.config = config;
        this.user = user;
        this.clock = clock;
    }

    /** Opens a survey for a resolved complaint; the token that answers it. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String open(Complaint c) {
        String token = newToken();
        Survey survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.complaintId = c.id;
        survey.tokenSha256 = sha256(token);
        survey.openedAt = clock.instant();
        surveys.persist(survey);
        return token;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Survey latest(UUID complaintId) {
        return surveys.latestOf(complaintId)
                .orElseThrow(() -> new DomainException.NotFound("survey of complaint", complaintId));
    }

    /** A new token for the open survey (the previous one stops working); for the customer-facing system. */
    @Transactional
    public String reissue(UUID complaintId) {
        Survey survey = latest(complaintId);
        if (survey.answeredAt != null) {
            throw new DomainException.Conflict("the survey was answered at " + survey.answeredAt);
        }
        String token = newToken();
        survey.tokenSha256 = sha256(token);
        return token;
    }

    /**
     * Answers the complaint's survey, with its token or as staff; once. A score at or below the configured level
     * reopens the complaint and raises its escalation level by one.
     */
    @Transactional
    public Survey answer(UUID complaintId, SurveyAnswer input, boolean authenticated) {
        Complaint c = complaints.findByIdOptional(complaintId)
                .orElseThrow(() -> new DomainException.NotFound("complaint", complaintId));
        Survey survey;
        String answeredBy;
        if (input.token() != null) {
            survey = surveys.byTokenHash(sha256(input.token()))
                    .orElseThrow(() -> new DomainException.AccessDenied("the survey token is not valid"));
            if (!survey.complaintId.equals(complaintId)) {
                throw new DomainException.AccessDenied("the survey token does not open this complaint's survey");
            }
            answeredBy = "customer";
        } else if (authenticated && (user.isSupervisor() || user.hasAnyRole(Roles.SERVICE))) {
            complaintService.get().get(complaintId); // staff answer only what their data scope shows them (404)
            survey = latest(complaintId);
            answeredBy = user.id();
        } else if (authenticated) {
            throw new DomainException.AccessDenied("staff answers are entered by complaint handlers, managers and admins");
        } else {
            throw new DomainException.Unidentified("a survey token or a bearer token is required");
        }
        if (survey.answeredAt != null) {
            throw new DomainException.Conflict("the survey was already answered at " + survey.answeredAt);
        }
        Instant now = clock.instant();
        survey.answeredAt = now;
        survey.answeredBy = answeredBy;
        survey.score = input.score();
        survey.performance = input.performance();
        survey.expectation = input.expectation();
        survey.gap = input.performance() - input.expectation();
        survey.comment = input.comment();
        history.record(c, now, answeredBy, "SURVEY_ANSWERED", c.status, "score", survey.score, "gap", survey.gap,
                "comment", survey.comment);
        boolean reopen = survey.score <= config.survey().reopenAtOrBelow()
                && (c.status == ComplaintStatus.RESOLVED || c.status == ComplaintStatus.CLOSED);
        if (reopen) {
            complaintService.get().reopen(c, now, "survey", "satisfaction score " + survey.score);
            c.escalationLevel = c.escalationLevel.next();
            history.record(c, now, "survey", "ESCALATED", c.status, "level", c.escalationLevel, "reason", "BAD_SURVEY");
            events.escalated(c, now, "BAD_SURVEY");
        }
        events.surveyAnswered(c, survey.answeredAt, survey.score, survey.performance, survey.expectation, survey.gap,
                reopen);
        complaints.flush();
        return survey;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
