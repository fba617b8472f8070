package com.example.crm.client.card.api;

import com.example.crm.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.MERGE_PATCH;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Authentication (bearer JWT, RS256) and the role rules of docs/domain.md, "Roles and access", on the card API. */
@QuarkusTest
class ClientAccessControlTest {

    @Test
    void a_request_without_a_token_is_401_with_a_bearer_challenge() {
        given().contentType(ContentType.JSON).body(company("无令牌公司")).post(CLIENTS)
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("type", equalTo("urn:crm:problem:unauthorized"));
        given().get(CLIENTS).then().statusCode(401);
    }

    @Test
    void expired_foreign_signed_other_issuer_and_unsigned_tokens_are_401() {
        for (String token : new String[]{Tokens.expired("rep-x", "crm-admin"),
                Tokens.signedWithForeignKey("rep-x", "crm-admin"), Tokens.fromOtherIssuer("rep-x", "crm-admin"),
                Tokens.unsigned("rep-x", "crm-admin"), "Bearer not.a.jwt"}) {
            given().header("Authorization", token).get(CLIENTS).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void tokens_for_another_audience_issued_in_the_future_or_valid_for_ten_years_are_401() {
        for (String token : new String[]{Tokens.forOtherAudience("rep-x", "crm-admin"),
                Tokens.issuedInTheFuture("rep-x", "crm-admin"), Tokens.tenYearsLong("rep-x", "crm-admin")}) {
            given().header("Authorization", token).get(CLIENTS).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", Tokens.bearer("rep-x", "crm-admin")).get(CLIENTS).then().statusCode(200);
    }

    @Test
    void api_answers_tell_browsers_not_to_sniff_and_caches_not_to_store_them() {
        given().header("Authorization", Tokens.bearer("rep-x", "crm-admin")).get(CLIENTS).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().header("Authorization", Tokens.bearer("rep-x", "crm-admin")).get(CLIENTS + "/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().get(CLIENTS).then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void a_forged_copy_of_an_accepted_token_is_refused_although_verified_tokens_are_reused() {
        String token = Tokens.bearer("rep-acl-cache", "crm-auditor");
        given().header("Authorization", token).get(CLIENTS).then().statusCode(200);
        given().header("Authorization", token).get(CLIENTS).then().statusCode(200);

        String[] parts = token.substring("Bearer ".length()).split("\\.");
        java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
        String claims = new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("crm-auditor", "crm-admin");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).body(company("伪造令牌公司")).contentType(ContentType.JSON)
                .post(CLIENTS).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm-auditor", "crm-integration", "crm-service"})
    void read_only_roles_can_read_but_not_create(String role) {
        String id = register("rep-acl-1", company("只读角色公司"));
        as("reader", role).get(CLIENTS + "/" + id).then().statusCode(200);
        as("reader", role).body(company("只读角色新建")).post(CLIENTS).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:crm:problem:forbidden"));
    }

    @Test
    void a_token_without_a_crm_role_cannot_read() {
        as("stranger", "some-other-app").get(CLIENTS).then().statusCode(403);
    }

    @Test
    void a_sales_rep_neither_sees_nor_changes_a_client_owned_by_another_rep_and_nothing_changes() {
        String id = register("rep-owner", company("他人客户公司"));
        // outside a rep's data scope (their own clients) a card does not exist for them: 404, so ids cannot be probed
        as("rep-intruder", "crm-sales").get(CLIENTS + "/" + id).then().statusCode(404);
        as("rep-intruder", "crm-sales").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "抢走")).patch(CLIENTS + "/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        as("rep-intruder", "crm-sales").header("If-Match", "\"0\"").body(Map.of("to", "INTENDED"))
                .post(CLIENTS + "/" + id + "/transitions").then().statusCode(404);
        as("rep-intruder", "crm-sales").body(Map.of("name", "李四")).post(CLIENTS + "/" + id + "/contacts")
                .then().statusCode(404);
        as("rep-owner", "crm-sales").get(CLIENTS + "/" + id).then().header("ETag", "\"0\"")
                .body("shortName", org.hamcrest.Matchers.nullValue()).body("status", equalTo("POTENTIAL"));
        as("rep-owner", "crm-sales").get(CLIENTS + "/" + id + "/contacts").then().body("items.size()", equalTo(0));
    }

    @Test
    void a_manager_changes_any_client() {
        String id = register("rep-owner-2", company("经理可改公司"));
        as("manager-2", "crm-manager").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("shortName", "经理改")).patch(CLIENTS + "/" + id)
                .then().statusCode(200).body("shortName", equalTo("经理改"));
    }
}
