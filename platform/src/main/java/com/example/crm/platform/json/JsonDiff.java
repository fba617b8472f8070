package com.example.crm.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Field-level difference of two JSON objects: dotted leaf paths mapped to their new values. */
public final class JsonDiff {

    private JsonDiff() {
    }

    /**
     * Leaves (scalars and arrays) whose value differs, with the value in {@code after}; a removed leaf maps to
     * JSON null. Paths are dotted ({@code address.city}) and sorted.
     */
    public static Map<String, JsonNode> changes(JsonNode before, JsonNode after) {
        Map<String, JsonNode> changes = new TreeMap<>();
        collect("", before, after, changes);
        return changes;
    }

    private static void collect(String path, JsonNode before, JsonNode after, Map<String, JsonNode> changes) {
        boolean beforeObject = before != null && before.isObject();
        boolean afterObject = after != null && after.isObject();
        if (beforeObject || afterObject) {
            Set<String> names = new LinkedHashSet<>();
            if (beforeObject) {
                before.fieldNames().forEachRemaining(names::add);
            }
            if (afterObject) {
                after.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name,
                        beforeObject ? before.get(name) : null, afterObject ? after.get(name) : null, changes);
            }
            return;
        }
        JsonNode b = before == null ? NullNode.getInstance() : before;
        JsonNode a = after == null ? NullNode.getInstance() : after;
        if (!b.equals(a)) {
            changes.put(path, a);
        }
    }

    /** The value at a dotted path ({@code address.city}), JSON null where there is none. */
    public static JsonNode valueAt(JsonNode document, String path) {
        JsonNode node = document;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node == null ? NullNode.getInstance() : node;
    }

    /** Removes the entries of {@code changes} whose path is {@code prefix} or below it. */
    public static void redact(Map<String, JsonNode> changes, Set<String> prefixes) {
        Iterator<String> paths = changes.keySet().iterator();
        while (paths.hasNext()) {
            String path = paths.next();
            if (prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))) {
                paths.remove();
            }
        }
    }
}
