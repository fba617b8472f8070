package com.example.crm.platform.api;

import java.util.Arrays;
import java.util.UUID;

/**
 * Reads query parameters taken as strings, so that a bad value is a 400 problem naming the parameter
 * (JAX-RS would answer a failed @QueryParam conversion with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Integer intValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer");
        }
    }

    public static Boolean booleanValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    public static UUID uuidValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    /** The years a date or time parameter may name: four digits, as {@code yyyy-MM-dd} says (PostgreSQL and date
     * arithmetic fail far beyond them, e.g. at {@code +999999999}). */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    /** An ISO 8601 date-time with offset ({@code 2026-11-23T09:00:00+08:00}), in years 0001 to 9999. */
    public static java.time.Instant instantValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.OffsetDateTime at;
        try {
            at = java.time.OffsetDateTime.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO 8601 date-time with offset");
        }
        requireYear(name, at.getYear());
        return at.toInstant();
    }

    /** A date ({@code 2026-11-23}), in years 0001 to 9999. */
    public static java.time.LocalDate dateValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (yyyy-MM-dd)");
        }
        requireYear(name, date.getYear());
        return date;
    }

    private static void requireYear(String name, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalid(name, "must fall in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** A required text path parameter (a user id): 1 to {@code maxLength} characters, not only blanks. */
    public static String required(String name, String value, int maxLength) {
        String text = text(name, value, maxLength);
        if (text == null) {
            throw ProblemException.invalid(name, "must not be blank");
        }
        return text;
    }
}
