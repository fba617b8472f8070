package com.example.crm.platform.api;

import java.util.List;
import java.util.function.Function;

/** A page of a list: the items and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The page size to query: absent → {@value #DEFAULT_LIMIT}; larger than {@value #MAX_LIMIT} → clamped. */
    public static int clamp(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1) {
            throw ProblemException.invalid("limit", "must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that a next page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, T> mapper, Function<E, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<E> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page.stream().map(mapper).toList(), more ? cursorOf.apply(page.get(page.size() - 1)) : null);
    }
}
