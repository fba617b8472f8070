package com.example.crm.platform.api;

import com.example.crm.platform.domain.DomainException;
import com.example.crm.platform.json.MergePatcher;
import com.example.crm.platform.json.StrictJson;
import com.example.crm.platform.persistence.TransientDatabaseFailure;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps every failure to RFC 9457 problem+json: bad input is a 4xx naming the offending fields, and an
 * unexpected exception is a 500 whose body carries only an error id (the stack trace goes to the log); a database
 * outage or an exhausted connection pool is a 503 with Retry-After. About 300 lines: one small mapper per kind of
 * failure (JAX-RS's and Jackson's, Bean Validation's, the domain's, the database's), kept together so that every
 * problem the suite answers is written in one place.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a caller should wait before retrying after a 503 (database away or connection pool exhausted). */
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.toProblem(request.path()));
    }

    /** A rule of the domain refused the command: its kind decides the problem (see {@link DomainProblems}). */
    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        return problem(DomainProblems.of(e), request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return respond(new ProblemException(ProblemType.VALIDATION, detail, errors).toProblem(request.path()));
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class})
    public Response jsonMapping(JsonMappingException e, HttpServerRequest request) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return jsonParse(e, request); // a truncated body
        }
        String field = jsonPath(e);
        String message;
        if (e instanceof StrictJson.NulCharacter) {
            message = "must not contain a NUL character (U+0000)";
        } else if (e instanceof StrictJson.YearOutOfRange || e instanceof StrictJson.TooLarge) {
            message = e.getOriginalMessage();
        } else if (e instanceof PropertyBindingException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown or read-only property";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid) {
            message = "cannot be read as " + simpleName(invalid.getTargetType()) + ": " + shown(invalid.getValue());
        } else if (e instanceof InvalidTypeIdException) {
            message = "unknown type";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + simpleName(mismatch.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        if (field.isEmpty()) {
            return respond(new ProblemException(ProblemType.VALIDATION, message).toProblem(request.path()));
        }
        return respond(ProblemException.invalid(field, message).toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response patchRejected(MergePatcher.PatchRejectedException e, HttpServerRequest request) {
        return e.jsonCause() instanceof JsonMappingException mapping
                ? jsonMapping(mapping, request)
                : jsonParse(e.jsonCause(), request);
    }

    @ServerExceptionMapper({JsonParseException.class, JsonProcessingException.class})
    public Response jsonParse(JsonProcessingException e, HttpServerRequest request) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(new ProblemException(ProblemType.MALFORMED_JSON, e.getOriginalMessage() + where)
                .toProblem(request.path()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        Problem problem = new ProblemException(ProblemType.UNAUTHORIZED,
                "a valid bearer token (JWT, RS256) is required").toProblem(request.path());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(ProblemException.forbidden("your role does not allow this operation").toProblem(request.path()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, HttpServerRequest request) {
        return respond(new ProblemException(ProblemType.PRECONDITION_FAILED,
                "the resource was changed by another request; read it again").toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, request);
        }
        if (e.getCause() instanceof JsonProcessingException parse) {
            return jsonParse(parse, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.BAD_REQUEST;
        };
        String detail = switch (status) {
            case 404 -> "no resource at " + request.path();
            case 405 -> request.method() + " is not supported on " + request.path();
            case 415 -> "content type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not supported here";
            default -> e.getMessage();
        };
        Problem problem = new Problem(type.uri(), type.title(), status, detail, request.path(), List.of(), Map.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
            if (cause instanceof DomainException refusal) {
                return domain(refusal, request);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentUpdate((RuntimeException) cause, request);
            }
        }
        if (bodyTimedOut(e)) {
            LOG.debugf("%s %s: the body stopped before its Content-Length", request.method(), request.path());
            return Response.fromResponse(respond(new ProblemException(ProblemType.REQUEST_TIMEOUT,
                            "the body stopped before the length its Content-Length declares; nothing was written")
                            .toProblem(request.path())))
                    .header("Connection", "close").build();
        }
        if (clientGone(e, request)) {
            LOG.debugf("%s %s: the caller closed the connection before its body was read", request.method(), request.path());
            return respond(new ProblemException(ProblemType.BAD_REQUEST, "the connection closed before the body was read")
                    .toProblem(request.path()));
        }
        if (TransientDatabaseFailure.isTransient(e)) {
            LOG.warnf("database unavailable on %s %s, answered 503: %s", request.method(), request.path(),
                    TransientDatabaseFailure.describe(e));
            return Response.fromResponse(respond(new ProblemException(ProblemType.UNAVAILABLE,
                            "the database is unavailable or busy; retry later (a create with the same Idempotency-Key)")
                            .toProblem(request.path())))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s %s", errorId, request.method(), request.path());
        return respond(new ProblemException(ProblemType.INTERNAL,
                "an unexpected error occurred; quote error id " + errorId).with("errorId", errorId)
                .toProblem(request.path()));
    }

    /** The caller hung up (its timeout, a reset stream) while its request was still being read: nothing to answer. */
    /** Reading the body waited longer than {@code quarkus.http.read-timeout} for bytes its Content-Length promised. */
    private static boolean bodyTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && "Read timed out".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean clientGone(Throwable e, HttpServerRequest request) {
        boolean io = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
            io |= t instanceof IOException;
        }
        return io && request.response().closed();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code create.request.address.city} → {@code address.city}; {@code lines[0].quantity} for an element of a
     * list; {@code tags[3]} for a constrained list element; a query parameter keeps its name.
     */
    public static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.PARAMETER && nodes.hasNext()) {
                continue;
            }
            if (node.isInIterable()) { // the position belongs to the container before this node
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null && !node.getName().isEmpty()) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.toString();
    }

    /** The dotted path of the offending property, {@code address.city} or {@code tags[2]}. */
    /** A value the client sent, as a problem repeats it: at most 40 characters, so an answer never echoes a flood. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "… (" + text.length() + " characters)";
    }

    public static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO 8601 " + (type == java.time.LocalDate.class ? "date (yyyy-MM-dd)" : "date-time with offset");
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "an object (" + type.getSimpleName() + ")";
    }
}
