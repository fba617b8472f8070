package com.example.crm.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks emitted records against the documented contract: one JSON Schema per event type, named
 * {@code <type>.json} in a service's {@code src/main/asyncapi/schemas} (the AsyncAPI document references them).
 */
public final class EventContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path directory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public EventContract(Path directory) {
        this.directory = directory;
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
        Path file = directory.resolve(type + ".json");
        if (!Files.exists(file)) {
            throw new AssertionError("no documented schema for event type " + type + " (expected " + file + ")");
        }
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
