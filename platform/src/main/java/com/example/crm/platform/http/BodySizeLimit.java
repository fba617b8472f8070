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
 * Refuses a declared body larger than {@code crm.http.max-json-body-bytes} with a 413 problem before it is
 * read. (Bodies without Content-Length are cut by {@code quarkus.http.limits.max-body-size}.)
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
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            Problem problem = new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + length + " bytes; at most " + maxBytes + " are accepted")
                    .toProblem(context.request().path());
            try {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(mapper.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.fail(413);
            }
            return;
        }
        context.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
