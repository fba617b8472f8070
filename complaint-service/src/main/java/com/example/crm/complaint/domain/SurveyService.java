package com.example.crm.complaint.domain;

import com.example.crm.complaint.api.ComplaintInputs;
import com.example.crm.complaint.config.ComplaintConfig;
import com.example.crm.complaint.messaging.ComplaintEvents;
import com.example.crm.complaint.persistence.ComplaintRepository;
import com.example.crm.complaint.persistence.SurveyRepository;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
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
 * Satisfaction surveys (seeds 000, 004): opened when a complaint is resolved, answered once, by the customer with
 * the survey's token (only its SHA-256 is stored; the token is shown once, at resolution or when reissued) or by
 * staff from a call. A low score reopens the complaint and escalates it one level.
 */
@ApplicationScoped
public class SurveyService {

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
                .orElseThrow(() -> ProblemException.notFound("survey of complaint", complaintId));
    }

    /** A new token for the open survey (the previous one stops working); for the customer-facing system. */
    @Transactional
    public String reissue(UUID complaintId) {
        Survey survey = latest(complaintId);
        if (survey.answeredAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "the survey was answered at " + survey.answeredAt);
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
    public Survey answer(UUID complaintId, ComplaintInputs.SurveyAnswer input, boolean authenticated) {
        Complaint c = complaints.findByIdOptional(complaintId)
                .orElseThrow(() -> ProblemException.notFound("complaint", complaintId));
        Survey survey;
        String answeredBy;
        if (input.token() != null) {
            survey = surveys.byTokenHash(sha256(input.token()))
                    .orElseThrow(() -> ProblemException.forbidden("the survey token is not valid"));
            if (!survey.complaintId.equals(complaintId)) {
                throw ProblemException.forbidden("the survey token does not open this complaint's survey");
            }
            answeredBy = "customer";
        } else if (authenticated && (user.isSupervisor() || user.hasAnyRole(Roles.SERVICE))) {
            survey = latest(complaintId);
            answeredBy = user.id();
        } else if (authenticated) {
            throw ProblemException.forbidden("staff answers are entered by complaint handlers, managers and admins");
        } else {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "a survey token or a bearer token is required");
        }
        if (survey.answeredAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "the survey was already answered at " + survey.answeredAt);
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
        events.surveyAnswered(c, survey, reopen);
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
