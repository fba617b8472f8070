package com.example.crm.platform.http;

import com.example.crm.platform.api.Problem;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.example.crm.platform.config.PlatformConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body declared larger than {@code crm.http.max-json-body-bytes} with a 413 problem before it is read,
 * and a body of undeclared length with 411, whatever its declared media type (a body without one, or with
 * {@code application/*}, reaches the JSON reader too). Only a CSV import, read as a stream row by row, is bounded by
 * {@code quarkus.http.limits.max-body-size} alone.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final ObjectMapper mapper;

    public BodySizeLimit(PlatformConfig config, ObjectMapper mapper) {
        this.maxBytes = config.http().maxJsonBodyBytes();
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-100).handler(this::limit);
    }

    void limit(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && isStreamedUpload(type)) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            refuse(context, mapper, new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + length + " bytes; at most " + maxBytes + " are accepted"));
        } else if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            refuse(context, mapper, new ProblemException(ProblemType.LENGTH_REQUIRED,
                    "send bodies with a Content-Length (at most " + maxBytes + " bytes)"));
        } else {
            context.next();
        }
    }

    /** Answers the problem at once (the route goes no further) and closes the connection. */
    static void refuse(RoutingContext context, ObjectMapper mapper, ProblemException problem) {
        Problem body = problem.toProblem(context.request().path());
        try {
            context.response().setStatusCode(body.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.fail(body.status());
        }
    }

    /** CSV imports are read as a stream, row by row, whatever their size; every other body is read whole. */
    private static boolean isStreamedUpload(String contentType) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT).trim();
        return type.startsWith("text/csv") || type.startsWith("application/csv");
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
