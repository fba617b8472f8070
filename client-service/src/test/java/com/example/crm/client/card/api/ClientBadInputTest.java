package com.example.crm.client.card.api;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.Tokens;
import com.example.crm.platform.testing.TopicReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.MERGE_PATCH;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Bad input gets a 4xx problem+json naming what is wrong, and leaves the database and the topic as they were.
 * "Nothing published" is proven without a fixed wait: after the bad request a good one is made; once the
 * outbox is drained, the topic read to its end must hold that one new event only.
 */
@QuarkusTest
class ClientBadInputTest {

    static final String REP = "rep-bad-input";

    @Inject
    DataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/api/v1/clients")
    URL clientsUrl;

    static Stream<Arguments> badCards() {
        return Stream.of(
                Arguments.of("missing legal name", without("legalName"), "legalName"),
                Arguments.of("blank legal name", with("legalName", "   "), "legalName"),
                Arguments.of("over-long legal name", with("legalName", "华".repeat(201)), "legalName"),
                Arguments.of("over-long street", with("address", Map.of("street", "x".repeat(301))), "address.street"),
                Arguments.of("wrong type for employees", with("employees", "many"), "employees"),
                Arguments.of("number where a string belongs", with("legalName", 12345), "legalName"),
                Arguments.of("unknown enum value", with("kind", "GOVERNMENT"), "kind"),
                Arguments.of("unknown property", with("discount", 10), "discount"),
                Arguments.of("read-only property id", with("id", "6a1c5e0e-0000-0000-0000-000000000000"), "id"),
                Arguments.of("read-only property ownerId", with("ownerId", "someone-else"), "ownerId"),
                Arguments.of("read-only property segment", with("segment", Map.of("abcClass", "A")), "segment"),
                Arguments.of("invalid credit code check character", with("unifiedSocialCreditCode", "911100001000132224"), "unifiedSocialCreditCode"),
                Arguments.of("credit code with forbidden letter", with("unifiedSocialCreditCode", "91110000I00013222X"), "unifiedSocialCreditCode"),
                Arguments.of("negative credit limit", with("finance", Map.of("creditLimit", Map.of("amount", "-1.00", "currency", "CNY"))), "finance.creditLimit"),
                Arguments.of("money as a float", with("finance", Map.of("creditLimit", Map.of("amount", 100.5, "currency", "CNY"))), "finance.creditLimit.amount"),
                Arguments.of("unknown currency", with("finance", Map.of("creditLimit", Map.of("amount", "1.00", "currency", "XYZ"))), "finance.creditLimit.currency"),
                Arguments.of("invalid e-mail", with("email", "not-an-address"), "email"),
                Arguments.of("future founding date", with("foundedOn", "2999-01-01"), "foundedOn"),
                Arguments.of("date in the wrong format", with("foundedOn", "01/02/2003"), "foundedOn"),
                Arguments.of("too many tags", with("tags", java.util.Collections.nCopies(51, "t")), "tags"),
                Arguments.of("custom attributes over 8 KiB", with("customAttributes", Map.of("blob", "x".repeat(9000))), "customAttributes"),
                Arguments.of("NUL character in the legal name (PostgreSQL refuses it)", with("legalName", "空字符\u0000公司"), "legalName"),
                Arguments.of("NUL character in a nested field", with("address", Map.of("street", "华信路\u00001号")), "address.street"),
                Arguments.of("NUL character in a tag", with("tags", List.of("重点", "a\u0000b")), "tags[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCards")
    void a_bad_card_is_a_400_naming_the_field_and_writes_nothing(String name, Map<String, Object> card, String field) {
        assertNothingWritten(() -> as(REP, "crm-sales").body(card).post(CLIENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:validation"))
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field)));
    }

    @Test
    void malformed_and_truncated_json_are_400_problems_and_write_nothing() {
        assertNothingWritten(() -> {
            as(REP, "crm-sales").body("{\"kind\": COMPANY}").post(CLIENTS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:crm:problem:malformed-json"));
            as(REP, "crm-sales").body("{\"kind\":\"COMPANY\",\"legalName\":").post(CLIENTS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:crm:problem:malformed-json"));
        });
    }

    @Test
    void a_json_null_body_is_a_400_problem_and_never_taken_for_no_body_by_an_irreversible_erasure() {
        String id = register(REP, company("空值请求体公司"));
        assertNothingWritten(() -> {
            for (String nullBody : List.of("null", " null\n")) {
                as("admin-null", "crm-admin").body(nullBody).post(CLIENTS + "/" + id + "/erasure").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem("body"));
            }
        });
        as(REP, "crm-sales").get(CLIENTS + "/" + id).then().statusCode(200).body("legalName", equalTo("空值请求体公司"));
        assertThat(Sql.count(db, "select count(*) from client where id = ? and erased_at is null", UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void a_key_given_twice_in_a_body_is_a_400_problem_not_the_last_one_silently_winning() {
        String id = register(REP, company("重复键公司"));
        assertNothingWritten(() -> {
            as(REP, "crm-sales").body("{\"kind\":\"COMPANY\",\"legalName\":\"甲公司\",\"legalName\":\"乙公司\"}").post(CLIENTS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:crm:problem:malformed-json"));
            as(REP, "crm-sales").header("If-Match", "\"0\"").body("{\"to\":\"INTENDED\",\"to\":\"TERMINATED\"}")
                    .post(CLIENTS + "/" + id + "/transitions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:crm:problem:malformed-json"));
        });
        as(REP, "crm-sales").get(CLIENTS + "/" + id).then().header("ETag", "\"0\"").body("status", equalTo("POTENTIAL"));
    }

    @Test
    void a_nul_character_in_the_path_or_query_is_a_400_problem() {
        as(REP, "crm-sales").urlEncodingEnabled(false).get(CLIENTS + "?q=%00").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:crm:problem:bad-request"));
        as(REP, "crm-sales").urlEncodingEnabled(false).get(CLIENTS + "?q=%E5%8D%8E%00").then().statusCode(400);
        as(REP, "crm-sales").urlEncodingEnabled(false).get(CLIENTS + "/abc%00").then().statusCode(400);
    }

    @Test
    void json_nested_deeper_than_64_levels_is_refused() {
        String deep = "{\"customAttributes\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        assertNothingWritten(() -> as(REP, "crm-sales").body(deep).post(CLIENTS)
                .then().statusCode(400).contentType("application/problem+json"));
    }

    @Test
    void a_body_over_one_mebibyte_is_413() {
        Map<String, Object> card = company("过大公司");
        card.put("customAttributes", Map.of("blob", "x".repeat(1_100_000)));
        assertNothingWritten(() -> as(REP, "crm-sales").body(card).post(CLIENTS)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:crm:problem:payload-too-large")));
    }

    @Test
    void a_body_over_one_mebibyte_is_413_whatever_content_type_it_declares() {
        byte[] big = ("{\"legalName\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String type : new String[]{"application/*", "application/octet-stream", "text/plain"}) {
            assertNothingWritten(() -> as(REP, "crm-sales").contentType(type).body(big).post(CLIENTS)
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:crm:problem:payload-too-large")));
        }
    }

    @Test
    void a_date_with_a_year_beyond_1_to_9999_in_a_body_is_400_naming_the_field() {
        Map<String, Object> card = company("远古年份公司");
        card.put("foundedOn", "-999999999-01-01");
        assertNothingWritten(() -> as(REP, "crm-sales").body(card).post(CLIENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("foundedOn")));
    }

    /**
     * The test profile's read timeout is 3 s ({@code %test.quarkus.http.read-timeout}); in production 60 s. When the
     * wait ends, the answer is a 408 problem, unless the server has already closed the connection (both happen):
     * never a 5xx, and nothing is written.
     */
    @Test
    void a_body_shorter_than_its_content_length_writes_nothing_and_never_gets_a_5xx() {
        assertNothingWritten(() -> {
            try (Socket socket = new Socket(clientsUrl.getHost(), clientsUrl.getPort())) {
                socket.setSoTimeout(30_000);
                String request = "POST " + clientsUrl.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + Tokens.bearer(REP, "crm-sales") + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"kind\":\"COMPANY\",";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                BufferedReader answer = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = answer.readLine();
                if (status != null) {
                    assertThat(status).startsWith("HTTP/1.1 408");
                    List<String> headers = new ArrayList<>();
                    for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                        headers.add(line.toLowerCase(Locale.ROOT));
                    }
                    assertThat(headers).contains("content-type: application/problem+json");
                }
            } catch (SocketException closed) {
                // the server closed the connection without an answer: allowed, as long as nothing was written
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void a_wrong_content_type_is_415() {
        assertNothingWritten(() -> as(REP, "crm-sales").contentType("text/plain").body("legalName=x").post(CLIENTS)
                .then().statusCode(415).contentType("application/problem+json"));
    }

    @Test
    void a_patch_that_sets_status_or_an_invalid_value_is_400_and_changes_nothing() {
        String id = register(REP, company("补丁校验公司"));
        assertNothingWritten(() -> {
            as(REP, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body(Map.of("status", "EXISTING")).patch(CLIENTS + "/" + id)
                    .then().statusCode(400).body("errors.field", hasItem("status"));
            as(REP, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body(Map.of("finance", Map.of("creditLimit", Map.of("amount", "-5", "currency", "CNY"))))
                    .patch(CLIENTS + "/" + id)
                    .then().statusCode(400).body("errors.field", hasItem("finance.creditLimit"));
            as(REP, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body(Map.of("version", 7)).patch(CLIENTS + "/" + id)
                    .then().statusCode(400).body("errors.field", hasItem("version"));
            as(REP, "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"7\"")
                    .body(Map.of("shortName", "x")).patch(CLIENTS + "/" + id)
                    .then().statusCode(412).body("type", equalTo("urn:crm:problem:precondition-failed"));
            as(REP, "crm-sales").contentType(MERGE_PATCH)
                    .body(Map.of("shortName", "x")).patch(CLIENTS + "/" + id)
                    .then().statusCode(428).body("type", equalTo("urn:crm:problem:precondition-required"));
        });
        as(REP, "crm-sales").get(CLIENTS + "/" + id).then().header("ETag", "\"0\"").body("shortName", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void bad_query_parameters_are_400_problems() {
        as(REP, "crm-sales").queryParam("status", "ACTIVE").get(CLIENTS).then().statusCode(400).body("errors.field", hasItem("status"));
        as(REP, "crm-sales").queryParam("limit", "ten").get(CLIENTS).then().statusCode(400).body("errors.field", hasItem("limit"));
        as(REP, "crm-sales").queryParam("limit", 0).get(CLIENTS).then().statusCode(400).body("errors.field", hasItem("limit"));
        as(REP, "crm-sales").queryParam("stale", "maybe").get(CLIENTS).then().statusCode(400).body("errors.field", hasItem("stale"));
    }

    @Test
    void sql_meta_characters_and_emoji_in_names_are_stored_verbatim_and_break_nothing() {
        String name = "Robert'); DROP TABLE client;-- 华信 🚀 \\ % _";
        String id = register(REP, company(name));
        as(REP, "crm-sales").get(CLIENTS + "/" + id).then().statusCode(200).body("legalName", equalTo(name));
        assertThat(Sql.count(db, "select count(*) from client where legal_name = ?", name)).isEqualTo(1);
    }

    /**
     * Runs {@code bad}, then registers one good card, and checks that the good card's row and event are the
     * only new ones.
     */
    private void assertNothingWritten(Runnable bad) {
        long rowsBefore = Sql.count(db, "select count(*) from client");
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.client.v1")) {
            bad.run();
            assertThat(Sql.count(db, "select count(*) from client")).isEqualTo(rowsBefore);
            String marker = register(REP, company("标记公司"));
            assertThat(topic.drainAfterOutbox(db, "outbox", Duration.ofSeconds(30))).as("only the marker's event was published")
                    .singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(marker));
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> card = company("校验测试公司");
        card.put(field, value);
        return card;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> card = new HashMap<>(company("校验测试公司"));
        card.remove(field);
        return card;
    }
}
