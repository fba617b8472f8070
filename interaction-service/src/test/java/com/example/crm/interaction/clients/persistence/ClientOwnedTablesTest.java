package com.example.crm.interaction.clients.persistence;

import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.replica.ClientOwnedTable;
import com.example.crm.platform.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merge and erasure reach every per-client table: each table of the schema with a {@code client_id} column is listed
 * in {@link InteractionClientTables} (or handled apart, with its reason there), and every personal column listed
 * exists. A new per-client table left out fails here.
 */
@QuarkusTest
class ClientOwnedTablesTest {

    @Inject
    DataSource db;

    @Inject
    @Any
    Instance<ClientOwnedData> ownedData;

    @Test
    void every_table_with_a_client_id_takes_part_in_merge_and_erasure() {
        Set<String> listed = ownedData.stream().flatMap(data -> data.tableNames().stream()).collect(Collectors.toSet());
        assertThat(columns("column_name = 'client_id'")).as("tables of schema interaction with a client_id")
                .isEqualTo(listed);
    }

    @Test
    void every_personal_column_scrubbed_at_an_erasure_exists() {
        for (ClientOwnedTable table : InteractionClientTables.TABLES) {
            Set<String> existing = columnsOf(table.table());
            assertThat(existing).as("columns of " + table.table()).containsAll(table.personalColumns());
        }
    }

    private Set<String> columns(String condition) {
        return Sql.strings(db, "select distinct table_name from information_schema.columns "
                + "where table_schema = 'interaction' and " + condition);
    }

    private Set<String> columnsOf(String table) {
        return Sql.strings(db, "select column_name from information_schema.columns where table_schema = 'interaction' "
                + "and table_name = ?", table);
    }
}
