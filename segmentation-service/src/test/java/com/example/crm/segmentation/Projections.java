package com.example.crm.segmentation;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Projection rows written straight into the test database: classification and analyses work on the whole
 * population, so each test starts from an empty projection and states exactly what it holds.
 */
final class Projections {

    private Projections() {
    }

    /** Now on the clock the service under test reads (the tests' time line), not the database's {@code now()}. */
    static OffsetDateTime now() {
        return TestTime.now().atOffset(ZoneOffset.UTC);
    }

    static void empty(DataSource db) {
        for (String table : List.of("classification", "order_fact", "overdue_instalment", "complaint_fact",
                "missed_visit", "contact_fact", "client_profile")) {
            Sql.update(db, "delete from segmentation." + table);
        }
    }

    static void client(DataSource db, String id, String owner, String status, String relationshipLevel) {
        Sql.update(db, "insert into segmentation.client_profile (client_id, card_version, legal_name, status, owner_id, "
                        + "relationship_level, updated_at) values (?, 0, ?, ?, ?, ?, ?)", UUID.fromString(id),
                "client " + id.substring(id.length() - 4), status, owner, relationshipLevel, now());
    }

    static void order(DataSource db, String client, String amount, String currency, int daysAgo, boolean cancelled) {
        Sql.update(db, "insert into segmentation.order_fact values (gen_random_uuid(), ?, cast(? as timestamptz) - make_interval(days => ?), "
                + "cast(? as numeric), ?, ?)", UUID.fromString(client), now(), daysAgo, amount, currency, cancelled);
    }

    /** {@code count} contacts, the latest {@code daysAgo} days ago with {@code outcome}. */
    static void contacts(DataSource db, String client, int count, int daysAgo, String outcome) {
        Sql.update(db, "insert into segmentation.contact_fact values (?, ?, cast(? as timestamptz) - make_interval(days => ?), ?)",
                UUID.fromString(client), count, now(), daysAgo, outcome);
    }

    /** An order at a given month offset from the current month's start (0 = this month), plus some days. */
    static void orderInMonth(DataSource db, String client, String amount, int monthsBack, int day) {
        Sql.update(db, "insert into segmentation.order_fact values (gen_random_uuid(), ?, date_trunc('month', "
                + "cast(? as timestamptz)) - make_interval(months => ?) + make_interval(days => ?), cast(? as numeric), 'CNY', false)",
                UUID.fromString(client), now(), monthsBack, day, amount);
    }
}
