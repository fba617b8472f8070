package com.example.crm.platform.http;

import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Refuses a request whose path or query holds an encoded NUL character ({@code %00}) with a 400 problem before any
 * resource reads it: no identifier, filter or search text accepts one, and PostgreSQL cannot store or compare it.
 */
@ApplicationScoped
public class NulInRequestLine {

    private final ObjectMapper mapper;

    public NulInRequestLine(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-99).handler(this::check);
    }

    void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.toLowerCase(Locale.ROOT).contains("%00")) {
            BodySizeLimit.refuse(context, mapper, new ProblemException(ProblemType.BAD_REQUEST,
                    "the request's path or query holds a NUL character (%00), which no parameter accepts"));
        } else {
            context.next();
        }
    }
}
