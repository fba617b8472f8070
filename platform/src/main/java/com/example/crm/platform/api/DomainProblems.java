package com.example.crm.platform.api;

import com.example.crm.platform.domain.DomainException;

/** The one place where a domain refusal becomes an RFC 9457 problem: its kind decides type and status. */
public final class DomainProblems {

    private DomainProblems() {
    }

    public static ProblemException of(DomainException e) {
        ProblemException problem;
        if (e instanceof DomainException.NotFound) {
            problem = new ProblemException(ProblemType.NOT_FOUND, e.getMessage());
        } else if (e instanceof DomainException.AccessDenied) {
            problem = ProblemException.forbidden(e.getMessage());
        } else if (e instanceof DomainException.Unidentified) {
            problem = new ProblemException(ProblemType.UNAUTHORIZED, e.getMessage());
        } else if (e instanceof DomainException.InvalidValue invalid) {
            problem = new ProblemException(ProblemType.VALIDATION, invalid.getMessage(), invalid.reasons().stream()
                    .map(reason -> new Problem.FieldError(reason.field(), reason.reason())).toList());
        } else if (e instanceof DomainException.Duplicate) {
            problem = new ProblemException(ProblemType.DUPLICATE, e.getMessage());
        } else if (e instanceof DomainException.LimitReached limit) {
            problem = new ProblemException(switch (limit.limit()) {
                case OWNERSHIP_CAP -> ProblemType.OWNERSHIP_CAP_REACHED;
                case DAILY_CLAIMS -> ProblemType.CLAIM_LIMIT_REACHED;
                case RECLAIM_COOLDOWN -> ProblemType.RECLAIM_COOLDOWN;
            }, e.getMessage());
        } else if (e instanceof DomainException.IllegalTransition) {
            problem = new ProblemException(ProblemType.ILLEGAL_TRANSITION, e.getMessage());
        } else if (e instanceof DomainException.RuleViolation) {
            problem = new ProblemException(ProblemType.BUSINESS_RULE, e.getMessage());
        } else if (e instanceof DomainException.StaleVersion stale) {
            problem = new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + stale.expected().stated()
                    + " does not match the current ETag " + ETags.of(stale.current()))
                    .with("currentETag", ETags.of(stale.current()));
        } else {
            // Conflict, and refusals a service defines for itself: the record's state stands against the command
            problem = new ProblemException(ProblemType.CONFLICT, e.getMessage());
        }
        e.details().forEach(problem::with);
        return problem;
    }
}
