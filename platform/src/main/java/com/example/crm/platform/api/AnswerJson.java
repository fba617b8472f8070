package com.example.crm.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON of HTTP answers: a property with no value is left out rather than written as {@code null}, so that an
 * answer is exactly what the OpenAPI document (3.0) describes — an optional property, absent when it has no value —
 * and a client generated from it never meets a {@code null} where the document promises a string. The application's
 * {@link ObjectMapper} (with {@code StrictJson}'s reading rules) is otherwise unchanged, and so are events, whose
 * records choose their own inclusion.
 */
@Provider
@Singleton
public class AnswerJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper answers;

    public AnswerJson(ObjectMapper application) {
        this.answers = application.copy().setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return answers;
    }

    /** The mapper answers are written with (also for an answer kept to be replayed). */
    public ObjectMapper mapper() {
        return answers;
    }
}
