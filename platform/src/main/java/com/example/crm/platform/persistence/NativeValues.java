package com.example.crm.platform.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Values of native-query result rows as java.time types: the PostgreSQL driver may hand timestamptz and date
 * columns back as java.sql or java.time objects depending on the query.
 */
public final class NativeValues {

    private NativeValues() {
    }

    public static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    public static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
