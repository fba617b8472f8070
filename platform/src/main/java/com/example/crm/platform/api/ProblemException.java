package com.example.crm.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by domain and API code for an answer with a problem+json body; never logged as an error. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors;
    }

    /** Adds a member to the problem body, e.g. {@code allowed} transitions or duplicate {@code candidates}. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, errors, extensions);
    }
}
