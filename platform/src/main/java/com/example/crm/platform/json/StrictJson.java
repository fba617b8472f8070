package com.example.crm.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Collection;

/**
 * Request bodies are read strictly: a number is not silently read as a string or an enum ordinal, nor a string as a
 * number (a quantity is the number 2.5, as the document says; money amounts are decimal strings by their own type), trailing
 * tokens are an error, nesting deeper than 64 levels is refused before it costs anything, a key given twice in one
 * object is an error (not the last one silently winning), no text may hold a NUL character (U+0000), which
 * PostgreSQL cannot store, nor be longer than {@value #MAX_TEXT} characters, and no list longer than
 * {@value #MAX_ITEMS} items: each is a 400 problem naming where, never a 500.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_NESTING_DEPTH = 64;
    /** The most characters any text in a body may have where its field sets no lower bound (the document says so). */
    public static final int MAX_TEXT = 10_000;
    /** The most items any list in a body may have (the document says so). */
    public static final int MAX_ITEMS = 1_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("crm-text-without-nul").addDeserializer(String.class, new TextWithoutNul())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                            CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new BoundedCollection(deserializer);
                    }
                }));
        mapper.registerModule(YearsWithinRange.module());
    }

    /** After Quarkus' own customizers (which register the date and time module): these readers must win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** A date or time whose year is outside 1 to 9999; the problem names the field. */
    public static final class YearOutOfRange extends InvalidFormatException {
        YearOutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, "the year must be between " + YearsWithinRange.MIN_YEAR + " and "
                    + YearsWithinRange.MAX_YEAR, value, type);
        }
    }

    /** Text longer than {@link #MAX_TEXT}, or a list longer than {@link #MAX_ITEMS}; the problem names the field. */
    public static final class TooLarge extends InvalidFormatException {
        TooLarge(JsonParser parser, String message, Class<?> type) {
            super(parser, message, null, type);
        }
    }

    /** Text holding a NUL character (U+0000); the problem names the field, not the value. */
    public static final class NulCharacter extends InvalidFormatException {
        NulCharacter(JsonParser parser, String text) {
            super(parser, "a NUL character (U+0000) is not accepted in text", text, String.class);
        }
    }

    /** Jackson's own string reading, refusing a NUL character with the field's path. */
    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new NulCharacter(parser, text);
            }
            if (text != null && text.length() > MAX_TEXT) {
                throw new TooLarge(parser, "at most " + MAX_TEXT + " characters", String.class);
            }
            return text;
        }
    }

    /** Jackson's reading of a list, refusing one of more than {@link #MAX_ITEMS} items. */
    static final class BoundedCollection extends DelegatingDeserializer {

        BoundedCollection(JsonDeserializer<?> reader) {
            super(reader);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
            return new BoundedCollection(reader);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof Collection<?> items && items.size() > MAX_ITEMS) {
                throw new TooLarge(parser, "at most " + MAX_ITEMS + " items", handledType());
            }
            return value;
        }
    }
}
