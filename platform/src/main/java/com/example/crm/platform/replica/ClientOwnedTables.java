package com.example.crm.platform.replica;

import com.example.crm.platform.config.PlatformConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The per-client tables of a service as one {@link ClientOwnedData}: a service lists its tables (one
 * {@link ClientOwnedTable} line each) in a bean extending this, and its replica's merge and erasure reach all of them.
 * The statements run on the transaction's connection; the caller flushes pending entity changes first.
 */
public abstract class ClientOwnedTables implements ClientOwnedData {

    private final DataSource dataSource;
    private final String schema;
    private final List<ClientOwnedTable> tables;

    protected ClientOwnedTables(DataSource dataSource, PlatformConfig config, List<ClientOwnedTable> tables) {
        this.dataSource = dataSource;
        this.schema = config.schema();
        this.tables = List.copyOf(tables);
    }

    public List<ClientOwnedTable> tables() {
        return tables;
    }

    @Override
    public Set<String> tableNames() {
        return tables.stream().map(ClientOwnedTable::table).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void moveToClient(UUID mergedId, UUID survivorId) {
        for (ClientOwnedTable table : tables) {
            run("update " + schema + "." + table.table() + " set client_id = ? where client_id = ?", survivorId, mergedId);
        }
    }

    @Override
    public void scrub(UUID clientId) {
        for (ClientOwnedTable table : tables) {
            if (!table.personalColumns().isEmpty()) {
                String nulls = String.join(" = null, ", table.personalColumns()) + " = null";
                run("update " + schema + "." + table.table() + " set " + nulls + " where client_id = ?", clientId);
            }
        }
    }

    private void run(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
