package com.example.crm.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command refused by a rule of the domain. Domain and application code throw its subclasses and know nothing of
 * HTTP; the edge maps each kind to an RFC 9457 problem once ({@code platform.api.ProblemMappers}).
 */
public abstract class DomainException extends RuntimeException {

    private final Map<String, Object> details = new LinkedHashMap<>();

    protected DomainException(String message) {
        super(message);
    }

    /** Adds a detail a caller can act on, e.g. the {@code allowed} transitions or {@code retryable}. */
    public DomainException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }

    /** Something the command names does not exist. */
    public static final class NotFound extends DomainException {
        public NotFound(String what, Object id) {
            super(what + " " + id + " does not exist");
        }
    }

    /** The caller may not do this to this record (who may is a rule of the domain, e.g. only the assignee). */
    public static final class AccessDenied extends DomainException {
        public AccessDenied(String message) {
            super(message);
        }
    }

    /** The domain needs to know who acts (e.g. a survey answered with neither its token nor a signed-in user). */
    public static final class Unidentified extends DomainException {
        public Unidentified(String message) {
            super(message);
        }
    }

    /** Values of the command that the domain refuses whatever the state, e.g. a date in the future. */
    public static final class InvalidValue extends DomainException {
        private final List<Reason> reasons;

        /** Why one field's value is refused. */
        public record Reason(String field, String reason) {
        }

        public InvalidValue(String field, String reason) {
            super(field + ": " + reason);
            this.reasons = List.of(new Reason(field, reason));
        }

        /** Several values refused at once (e.g. every fault of a rule tree, each at its path). */
        public InvalidValue(String message, List<Reason> reasons) {
            super(message);
            this.reasons = List.copyOf(reasons);
        }

        public List<Reason> reasons() {
            return reasons;
        }
    }

    /** The command contradicts the record's current state (already answered, already merged, a final value). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The record would duplicate one that exists (the details name the candidates). */
    public static final class Duplicate extends DomainException {
        public Duplicate(String message) {
            super(message);
        }
    }

    /** A quota of the caller or of the record stands against the command (the details state it and the count). */
    public static final class LimitReached extends DomainException {

        /** Which quota. */
        public enum Limit {
            /** how many clients an owner or a department may hold */
            OWNERSHIP_CAP,
            /** how many clients a rep may claim from pools in a day */
            DAILY_CLAIMS,
            /** how long a previous owner waits before claiming the same client again */
            RECLAIM_COOLDOWN
        }

        private final Limit limit;

        public LimitReached(Limit limit, String message) {
            super(message);
            this.limit = limit;
        }

        public Limit limit() {
            return limit;
        }
    }

    /** The record's lifecycle does not allow this step from where it is. */
    public static final class IllegalTransition extends DomainException {
        public IllegalTransition(String message) {
            super(message);
        }
    }

    /** Well-formed and allowed in this state, but it breaks a business rule (e.g. resolving without a root cause). */
    public static final class RuleViolation extends DomainException {
        public RuleViolation(String message) {
            super(message);
        }
    }

    /** The record changed since the version the caller based the command on. */
    public static final class StaleVersion extends DomainException {
        private final ExpectedVersion expected;
        private final long current;

        public StaleVersion(ExpectedVersion expected, long current) {
            super("expected version " + expected + ", the record is at version " + current);
            this.expected = expected;
            this.current = current;
        }

        public ExpectedVersion expected() {
            return expected;
        }

        public long current() {
            return current;
        }
    }
}
