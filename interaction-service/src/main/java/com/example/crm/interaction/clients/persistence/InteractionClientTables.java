package com.example.crm.interaction.clients.persistence;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.replica.ClientOwnedTable;
import com.example.crm.platform.replica.ClientOwnedTables;
import jakarta.inject.Singleton;

import java.util.List;
import javax.sql.DataSource;

/**
 * interaction-service's tables whose rows belong to a client: a merge moves them to the survivor, an erasure nulls
 * their personal text. A new per-client table takes part by one line here ({@code ClientOwnedTablesTest} fails for a
 * table with a {@code client_id} that is in neither list). The cadence (one per client, the survivor keeps its own)
 * and the visit plans still planned at an erasure (cancelled, with an event) are handled in {@code ClientReplica}.
 */
@Singleton
public class InteractionClientTables extends ClientOwnedTables {

    public static final List<ClientOwnedTable> TABLES = List.of(
            ClientOwnedTable.of("interaction", "subject", "notes", "next_step", "contact_name", "contact_person_id",
                    "check_in_address", "check_in_latitude", "check_in_longitude"),
            ClientOwnedTable.of("client_order", "cancel_reason"),
            ClientOwnedTable.of("receivable_instalment"),
            ClientOwnedTable.of("payment", "reference"),
            ClientOwnedTable.of("visit_plan", "purpose", "cancel_reason"));

    public InteractionClientTables(DataSource dataSource, PlatformConfig config) {
        super(dataSource, config, TABLES);
    }
}
