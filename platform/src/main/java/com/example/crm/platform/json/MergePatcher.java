package com.example.crm.platform.json;

import com.example.crm.platform.domain.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a JSON merge patch to the writable representation of a resource: the patched document is read
 * back into the input type (unknown and read-only properties rejected as in a create), validated with the
 * same constraints as a create, and compared with the original to list what changed.
 */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatcher(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public record Patched<T>(T value, Map<String, JsonNode> changes) {
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    public <T> Patched<T> apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new DomainException.InvalidValue("a merge patch must be a JSON object", List.of());
        }
        JsonNode before = mapper.valueToTree(current);
        JsonNode merged = MergePatch.apply(before.deepCopy(), patch);
        T value;
        try {
            value = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new PatchRejectedException(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Patched<>(value, JsonDiff.changes(before, mapper.valueToTree(value)));
    }

    /** Carries the Jackson failure to the problem mappers (which name the offending field). */
    public static class PatchRejectedException extends RuntimeException {
        public PatchRejectedException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }

        public JsonProcessingException jsonCause() {
            return (JsonProcessingException) getCause();
        }
    }
}
