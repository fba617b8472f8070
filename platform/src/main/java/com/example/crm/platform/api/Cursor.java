package com.example.crm.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort-key values of the last item of a page, base64url-encoded. Clients pass
 * it back unchanged; a cursor that was tampered with or belongs to another list is a 400.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keys) {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made of exactly {@code arity} keys; {@code null} or blank means the first page. */
    public static List<String> decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != arity) {
                throw invalid();
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * Decodes a cursor into a keyset position with {@code parse}; {@code null} for the first page. A cursor
     * whose keys {@code parse} cannot read is a 400 like any forged cursor.
     */
    public static <T> T decode(String cursor, int arity, java.util.function.Function<List<String>, T> parse) {
        List<String> keys = decode(cursor, arity);
        if (keys == null) {
            return null;
        }
        try {
            return parse.apply(keys);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.invalid("cursor", "not a cursor returned by this list");
    }
}
