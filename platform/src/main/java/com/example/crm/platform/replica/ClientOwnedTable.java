package com.example.crm.platform.replica;

import java.util.List;

/**
 * A table of a service whose rows belong to a client through a {@code client_id} column, declared in one line: on a
 * merge its rows move to the survivor; on erasure its {@code personalColumns} (free text that may name people) are
 * set to null, the rest (amounts, dates, kinds) stays for the figures. {@link ClientOwnedTables} applies a list.
 */
public record ClientOwnedTable(String table, List<String> personalColumns) {

    public ClientOwnedTable {
        personalColumns = List.copyOf(personalColumns);
        if (!table.matches("[a-z_]+") || !personalColumns.stream().allMatch(c -> c.matches("[a-z_]+"))) {
            throw new IllegalArgumentException("table and column names are plain identifiers: " + table + " " + personalColumns);
        }
    }

    public static ClientOwnedTable of(String table, String... personalColumns) {
        return new ClientOwnedTable(table, List.of(personalColumns));
    }
}
