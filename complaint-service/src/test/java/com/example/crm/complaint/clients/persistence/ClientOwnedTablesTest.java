package com.example.crm.complaint.clients.persistence;

import com.example.crm.platform.replica.ClientOwnedData;
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
 * Merges and erasures reach a client's records through the {@link ClientOwnedData} beans: every table of the schema
 * that belongs to a client — with a client_id, or hanging off a complaint — is named by one of them.
 */
@QuarkusTest
class ClientOwnedTablesTest {

    @Inject
    DataSource db;

    @Inject
    @Any
    Instance<ClientOwnedData> ownedData;

    @Test
    void every_table_of_a_clients_records_takes_part_in_merge_and_erasure() {
        Set<String> named = ownedData.stream().flatMap(data -> data.tableNames().stream()).collect(Collectors.toSet());
        Set<String> belonging = Sql.strings(db, """
                select table_name from information_schema.columns
                where table_schema = 'complaint' and column_name = 'client_id' and table_name <> 'known_client'
                union
                select tc.table_name from information_schema.table_constraints tc
                join information_schema.constraint_column_usage ccu
                  on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'complaint'
                  and ccu.table_name = 'complaint'""");
        assertThat(belonging).as("tables of schema complaint holding a client's records").contains("complaint", "survey");
        assertThat(named).isEqualTo(belonging);
    }
}
