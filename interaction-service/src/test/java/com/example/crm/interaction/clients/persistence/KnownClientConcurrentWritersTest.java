package com.example.crm.interaction.clients.persistence;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static com.example.crm.interaction.InteractionFixtures.as;
import static com.example.crm.interaction.InteractionFixtures.call;
import static com.example.crm.interaction.InteractionFixtures.knownClient;
import static com.example.crm.platform.testing.Latches.reached;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica row has concurrent writers: the client-events consumer and this service's own requests (the latest
 * contact). Each holds a copy of the row; neither may put its stale copy of the other's columns back. A contact logged
 * while a card change waits to commit, and a card change committed while a writer of the contact columns waits, both
 * end with both changes in the row.
 */
@QuarkusTest
class KnownClientConcurrentWritersTest {

    @Inject
    DataSource db;

    @Inject
    ClientReplica replica;

    @Inject
    KnownClientRepository clients;

    @Test
    void a_card_change_committed_after_a_contact_was_logged_keeps_the_contact_date() throws Exception {
        String client = knownClient("rep-cw1", "并发写入甲公司");
        UUID id = UUID.fromString(client);
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> consumer = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            replica.apply(intended(id));
            applied.countDown();
            reached(commit);
        }));
        reached(applied);
        as("rep-cw1", "crm-sales").body(call(TestTime.day(-1) + "T10:00:00Z"))
                .post("/api/v1/clients/" + client + "/interactions").then().statusCode(201);
        commit.countDown();
        consumer.get(30, TimeUnit.SECONDS);

        assertThat(row(id)).containsEntry("status", "INTENDED").containsEntry("version", 1L)
                .containsEntry("last_contact_at", TestTime.day(-1) + "T10:00:00Z");
    }

    @Test
    void a_contact_date_written_after_a_card_change_was_committed_keeps_the_change() throws Exception {
        String client = knownClient("rep-cw2", "并发写入乙公司");
        UUID id = UUID.fromString(client);
        Instant contact = Instant.parse(TestTime.day(-2) + "T10:00:00Z");
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            KnownClient known = clients.findById(id);
            known.contacted(contact, null);
            loaded.countDown();
            reached(commit);
        }));
        reached(loaded);
        QuarkusTransaction.requiringNew().run(() -> replica.apply(intended(id)));
        commit.countDown();
        writer.get(30, TimeUnit.SECONDS);

        assertThat(row(id)).containsEntry("status", "INTENDED").containsEntry("version", 1L)
                .containsEntry("last_contact_at", contact.toString());
    }

    private static ClientChange intended(UUID id) {
        return new ClientChange(ClientChange.Kind.STATUS_CHANGED, id, 1, null, "INTENDED", null, null, null);
    }

    private Map<String, Object> row(UUID id) {
        return Map.of("status", Sql.value(db, "select status from known_client where id = ?", id),
                "version", ((Number) Sql.value(db, "select version from known_client where id = ?", id)).longValue(),
                "last_contact_at", String.valueOf(Sql.value(db, "select coalesce(to_char(last_contact_at at time zone 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'none') from known_client where id = ?", id)));
    }
}
