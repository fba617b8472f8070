package com.example.crm.platform.outbox;

import com.example.crm.platform.config.PlatformConfig;
import com.example.crm.platform.events.CloudEvent;
import com.example.crm.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Transactional outbox: {@link #append} writes the event in the caller's database transaction, so the
 * event exists if and only if the business change committed. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = """
            insert into outbox (event_id, topic, record_key, event_type, payload)
            values (?, ?, ?, ?, ?::jsonb)""";

    private final DataSource dataSource;
    private final CloudEvents cloudEvents;
    private final PlatformConfig config;

    public Outbox(DataSource dataSource, CloudEvents cloudEvents, PlatformConfig config) {
        this.dataSource = dataSource;
        this.cloudEvents = cloudEvents;
        this.config = config;
    }

    /**
     * Appends an event to be published on {@code topic} with the client id as key and subject.
     * Must run inside the transaction that makes the change the event reports.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String topic, String type, UUID clientId, Object data) {
        CloudEvent event = cloudEvents.create(config.eventSource(), type, clientId.toString(), data);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, topic);
            insert.setString(3, event.subject());
            insert.setString(4, type);
            insert.setString(5, cloudEvents.write(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append event " + type + " to the outbox", e);
        }
        return event;
    }
}
