package com.example.crm.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks emitted records against the documented contract of a topic: one JSON Schema per event type, named
 * {@code asyncapi/<topic>/schemas/<type>.json} in the producer's contract artifact (its AsyncAPI document, beside
 * them, references them), read from the classpath.
 */
public final class EventContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String topic;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private EventContract(String topic) {
        this.topic = topic;
    }

    /** The contract of {@code topic} (e.g. {@code crm.client.v1}); its artifact must be on the test classpath. */
    public static EventContract of(String topic) {
        return new EventContract(topic);
    }

    /** Validates one record value; throws an AssertionError listing every violation. */
    public JsonNode assertValid(String recordValue) {
        try {
            JsonNode event = MAPPER.readTree(recordValue);
            String type = event.path("type").asText();
            JsonSchema schema = schemas.computeIfAbsent(type, this::load);
            Set<ValidationMessage> errors = schema.validate(event);
            if (!errors.isEmpty()) {
                throw new AssertionError("event " + type + " does not match its documented schema: " + errors
                        + "\n" + recordValue);
            }
            return event;
        } catch (IOException e) {
            throw new AssertionError("record is not JSON: " + recordValue, e);
        }
    }

    private JsonSchema load(String type) {
        String resource = "asyncapi/" + topic + "/schemas/" + type + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no documented schema for event type " + type + " (expected " + resource
                        + " on the classpath)");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
