package com.example.crm.interaction.clients.persistence;

import com.example.crm.platform.replica.ClientOwnedData;
import com.example.crm.platform.replica.ClientOwnedTable;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
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
    void every_table_with_a_client_id_takes_part_in_merge_and_erasure() throws SQLException {
        Set<String> listed = ownedData.stream().flatMap(data -> data.tableNames().stream()).collect(Collectors.toSet());
        assertThat(columns("column_name = 'client_id'")).as("tables of schema interaction with a client_id")
                .isEqualTo(listed);
    }

    @Test
    void every_personal_column_scrubbed_at_an_erasure_exists() throws SQLException {
        for (ClientOwnedTable table : InteractionClientTables.TABLES) {
            Set<String> existing = columnsOf(table.table());
            assertThat(existing).as("columns of " + table.table()).containsAll(table.personalColumns());
        }
    }

    private Set<String> columns(String condition) throws SQLException {
        return query("select distinct table_name from information_schema.columns where table_schema = 'interaction' and "
                + condition, null);
    }

    private Set<String> columnsOf(String table) throws SQLException {
        return query("select column_name from information_schema.columns where table_schema = 'interaction' "
                + "and table_name = ?", table);
    }

    private Set<String> query(String sql, String parameter) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }
}
