package com.example.crm.platform.api;

/** The problem types the suite answers with; the URNs are part of the API contract. */
public enum ProblemType {
    VALIDATION("validation", "The request is not valid", 400),
    MALFORMED_JSON("malformed-json", "The body is not well-formed JSON", 400),
    BAD_REQUEST("bad-request", "Bad request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    DUPLICATE("duplicate", "Possible duplicate", 409),
    ILLEGAL_TRANSITION("illegal-transition", "Transition not allowed", 409),
    /** A claim, assignment or lock beyond a user's or department's cap (the problem states cap and count). */
    OWNERSHIP_CAP_REACHED("ownership-cap-reached", "Ownership cap reached", 409),
    CLAIM_LIMIT_REACHED("claim-limit-reached", "Daily claim limit reached", 409),
    RECLAIM_COOLDOWN("reclaim-cooldown", "The previous owner cannot claim this client again yet", 409),
    /** The body stopped before its declared Content-Length and the read timeout passed. */
    REQUEST_TIMEOUT("request-timeout", "The request body did not arrive in time", 408),
    PRECONDITION_FAILED("precondition-failed", "The resource has changed (stale If-Match)", 412),
    LENGTH_REQUIRED("length-required", "Content-Length required", 411),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key already used with another request", 422),
    /** Well-formed, but breaks a rule of the domain against the current state (e.g. paying more than is owed). */
    BUSINESS_RULE("business-rule", "The request breaks a business rule", 422),
    PRECONDITION_REQUIRED("precondition-required", "If-Match required", 428),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Temporarily unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "urn:crm:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
