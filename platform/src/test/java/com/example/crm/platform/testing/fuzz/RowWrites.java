package com.example.crm.platform.testing.fuzz;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts every row inserted, updated or deleted in a service's schema while it is installed: a row-level trigger on
 * each of the schema's tables adds one to {@code fuzz_row_writes(tbl, op)}. Two readings that differ mean that
 * something was written in between — a refused request must leave them equal. Work that runs on its own after an
 * accepted request (the outbox relay marking or removing what it sent) is left out by {@code quiet}
 * ({@code "outbox:UPDATE"}, {@code "outbox:DELETE"}).
 */
final class RowWrites implements AutoCloseable {

    private static final String COUNTER = "fuzz_row_writes";
    private final DataSource db;
    private final String schema;
    private final List<String> tables = new ArrayList<>();

    RowWrites(DataSource db, String schema, Set<String> quiet) throws SQLException {
        this.db = db;
        this.schema = schema;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists %s.%s (tbl text, op text, n bigint not null, primary key (tbl, op))"
                    .formatted(schema, COUNTER));
            s.execute("""
                    create or replace function %1$s.fuzz_count_row() returns trigger language plpgsql as $$
                    begin
                      if not (TG_TABLE_NAME || ':' || TG_OP = any (TG_ARGV)) then
                        insert into %1$s.%2$s values (TG_TABLE_NAME, TG_OP, 1)
                          on conflict (tbl, op) do update set n = %2$s.n + 1;
                      end if;
                      return null;
                    end $$""".formatted(schema, COUNTER));
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = '%s' and tablename not in ('%s', 'flyway_schema_history')"
                    .formatted(schema, COUNTER))) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            String arguments = String.join(", ", quiet.stream().map(q -> "'" + q + "'").toList());
            for (String table : tables) {
                s.execute("drop trigger if exists fuzz_count on %s.%s".formatted(schema, table));
                s.execute("create trigger fuzz_count after insert or update or delete on %s.%s for each row execute function %s.fuzz_count_row(%s)"
                        .formatted(schema, table, schema, arguments));
            }
        }
    }

    /** What has been written so far, per table and operation. */
    Map<String, Long> reading() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tbl || ':' || op, n from %s.%s".formatted(schema, COUNTER))) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("drop trigger if exists fuzz_count on %s.%s".formatted(schema, table));
            }
            s.execute("drop function if exists %s.fuzz_count_row()".formatted(schema));
            s.execute("drop table if exists %s.%s".formatted(schema, COUNTER));
        }
    }
}
