package com.example.crm.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;

/**
 * Dates and times in JSON bodies are refused with the field's path when their year is outside 1 to 9999 (Java reads
 * years up to ±999 999 999, PostgreSQL and the business calendar do not), as query parameters are
 * ({@code QueryParams}), and only an ISO 8601 string is one: Jackson would also read a number as epoch seconds and an
 * array as its fields. Jackson's own readers do the reading; this only bounds what they are given and what they give.
 */
final class YearsWithinRange {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private YearsWithinRange() {
    }

    static SimpleModule module() {
        return new SimpleModule("crm-years-within-range")
                .addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        LocalDate::getYear))
                .addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT,
                        instant -> instant.atOffset(ZoneOffset.UTC).getYear()))
                .addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::getYear));
    }

    /** Jackson's reader for {@code type}, refusing a year out of range. */
    static final class Bounded<T> extends StdDeserializer<T> implements ContextualDeserializer {

        private final transient JsonDeserializer<? extends T> reader;
        private final transient ToIntFunction<T> year;

        Bounded(Class<T> type, JsonDeserializer<? extends T> reader, ToIntFunction<T> year) {
            super(type);
            this.reader = reader;
            this.year = year;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // a number (epoch seconds or milliseconds) or an array ([2026, 12, 7]) is not an ISO 8601 text
                return (T) context.handleUnexpectedToken(handledType(), parser.currentToken(), parser,
                        "a date or time is an ISO 8601 string, e.g. 2026-12-07 or 2026-12-07T10:00:00+08:00");
            }
            T value = reader.deserialize(parser, context);
            if (value != null) {
                int y = year.applyAsInt(value);
                if (y < MIN_YEAR || y > MAX_YEAR) {
                    throw new StrictJson.YearOutOfRange(parser, value.toString(), handledType());
                }
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (reader instanceof ContextualDeserializer contextual) {
                JsonDeserializer<?> configured = contextual.createContextual(context, property);
                return new Bounded<>((Class<T>) handledType(), (JsonDeserializer<? extends T>) configured, year);
            }
            return this;
        }
    }
}
