package com.example.crm.client.card.api;

import com.example.crm.platform.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.example.crm.client.ClientFixtures.CREATE;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write while the service has no database connection to give (every pooled connection busy, as under overload or
 * while the database is away): the caller learns it may retry, not that the server failed, and nothing is written,
 * so the retry with the same Idempotency-Key creates the card exactly once.
 */
@QuarkusTest
class ClientWritesWithoutFreeConnectionsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_create_without_a_free_connection_answers_503_with_retry_after_and_writes_nothing() throws SQLException {
        Map<String, Object> card = company("连接池耗尽测试有限公司");
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> refused;
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < dataSource.getConfiguration().connectionPoolConfiguration().maxSize()) {
                taken.add(dataSource.getConnection());
            }
            refused = as("rep-pool", "crm-sales").header("Idempotency-Key", key).body(card).post(CREATE).then().extract();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.<String>path("type")).isEqualTo("urn:crm:problem:unavailable");
        assertThat(cardsWithCreditCode(card)).as("cards written by the refused create").isZero();

        as("rep-pool", "crm-sales").header("Idempotency-Key", key).body(card).post(CREATE).then().statusCode(201);
        assertThat(cardsWithCreditCode(card)).as("cards after the retry").isEqualTo(1);
    }

    private long cardsWithCreditCode(Map<String, Object> card) {
        return Sql.count(dataSource, "select count(*) from client where unified_social_credit_code = ?",
                card.get("unifiedSocialCreditCode"));
    }
}
