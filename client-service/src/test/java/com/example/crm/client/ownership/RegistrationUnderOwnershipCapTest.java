package com.example.crm.client.ownership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.create;
import static com.example.crm.client.PoolFixtures.MANAGER;
import static com.example.crm.client.PoolFixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Registering a card against ownership caps: an owner under a cap registers one card at a time (their scope lock),
 * so two registrations at once cannot both take the last place; an owner without a cap never waits for that lock,
 * so an integration account registering all day is not serialised.
 */
@QuarkusTest
class RegistrationUnderOwnershipCapTest {

    @Inject
    DataSource dataSource;

    @Test
    void registration_by_an_owner_without_a_cap_does_not_wait_for_their_scope_lock() throws Exception {
        String rep = rep("rep-uncapped");
        try (Connection holder = holdingScopeLock(rep)) {
            ValidatableResponse created = CompletableFuture.supplyAsync(() -> create(rep, company("无上限客户有限公司")))
                    .get(30, TimeUnit.SECONDS);

            created.statusCode(201);
            holder.rollback();
        }
    }

    @Test
    void registration_under_a_cap_waits_for_the_scope_lock_then_the_cap_refuses_the_card_beyond_it() throws Exception {
        String rep = rep("rep-capped");
        as(MANAGER, "crm-manager").body(Map.of("maxOwned", 1)).put("/api/v1/ownership-caps/users/" + rep)
                .then().statusCode(201);
        CompletableFuture<ValidatableResponse> first;
        try (Connection holder = holdingScopeLock(rep)) {
            first = CompletableFuture.supplyAsync(() -> create(rep, company("上限一客户有限公司")));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitersOnAdvisoryLocks() > 0);
            assertThat(first).isNotDone();
            holder.rollback();
        }

        first.get(30, TimeUnit.SECONDS).statusCode(201);
        create(rep, company("上限二客户有限公司")).statusCode(409)
                .body("type", equalTo("urn:crm:problem:ownership-cap-reached")).body("cap", equalTo(1))
                .body("current", equalTo(1));
    }

    /** A transaction of its own holding the owner's scope lock, as a claim or a capped registration would. */
    private Connection holdingScopeLock(String owner) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "crm.owner.user:" + owner);
            lock.execute();
        }
        return connection;
    }

    private long waitersOnAdvisoryLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet r = connection.createStatement().executeQuery(
                     "select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
            r.next();
            return r.getLong(1);
        }
    }
}
