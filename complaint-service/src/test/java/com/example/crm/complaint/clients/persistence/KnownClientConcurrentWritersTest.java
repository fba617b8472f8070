package com.example.crm.complaint.clients.persistence;

import com.example.crm.complaint.clients.application.ComplaintReplica;
import com.example.crm.platform.replica.ClientChange;
import com.example.crm.platform.replica.SegmentClassification;
import com.example.crm.platform.testing.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static com.example.crm.complaint.ComplaintFixtures.knownClient;
import static com.example.crm.platform.testing.Latches.reached;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two consumers of a client's replica row (client events, segmentation's classification) run on their own
 * threads: a classification committed while a card change waits to commit survives it, and the card change too.
 */
@QuarkusTest
class KnownClientConcurrentWritersTest {

    @Inject
    DataSource db;

    @Inject
    ComplaintReplica replica;

    @Test
    void a_card_change_committed_after_a_classification_keeps_the_classification() throws Exception {
        UUID id = UUID.fromString(knownClient("并发分级甲公司"));
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> clientEvents = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            replica.apply(new ClientChange(ClientChange.Kind.STATUS_CHANGED, id, 1, null, "INTENDED", null, null, null));
            applied.countDown();
            reached(commit);
        }));
        reached(applied);
        QuarkusTransaction.requiringNew().run(() -> replica.applyClassification(
                new SegmentClassification(id, "A", "KEY", "LOW", Instant.now())));
        commit.countDown();
        clientEvents.get(30, TimeUnit.SECONDS);

        assertThat(Sql.value(db, "select status || ' ' || version || ' ' || abc_class || ' ' || value_tier "
                + "from known_client where id = ?", id)).isEqualTo("INTENDED 1 A KEY");
    }
}
