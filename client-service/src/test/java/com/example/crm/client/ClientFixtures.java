package com.example.crm.client;

import com.example.crm.client.card.domain.UnifiedSocialCreditCode;
import com.example.crm.platform.testing.EventContract;
import com.example.crm.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Valid cards and calls to the card API, for tests that need a client to work on. */
public final class ClientFixtures {

    public static final String CLIENTS = "/api/v1/clients";
    /** Creates without duplicate detection by name and phone: tests that do not test it reuse names freely. */
    public static final String CREATE = CLIENTS + "?allowDuplicate=true";
    /** The documented event schemas (the client-contract artifact), checked against what the service emits. */
    public static final EventContract EVENTS = EventContract.of("crm.client.v1");
    /** JSON is UTF-8; rest-assured would otherwise encode this media type as ISO-8859-1. */
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private ClientFixtures() {
    }

    /** A valid company card with a fresh, correctly checked credit code. */
    public static Map<String, Object> company(String legalName) {
        Map<String, Object> card = new HashMap<>();
        card.put("kind", "COMPANY");
        card.put("legalName", legalName);
        card.put("unifiedSocialCreditCode", randomCreditCode());
        card.put("industry", "制造业");
        card.put("acquisitionSource", "REFERRAL");
        // a mobile number from 400 million: tests that do not test duplicate phones must not share one by chance
        card.put("phone", "+86 1" + ThreadLocalRandom.current().nextInt(30, 90) + " "
                + ThreadLocalRandom.current().nextInt(1000, 10000) + " " + ThreadLocalRandom.current().nextInt(1000, 10000));
        card.put("address", Map.of("country", "CN", "province", "北京市", "city", "北京市", "district", "朝阳区"));
        card.put("finance", Map.of("bankName", "中国工商银行", "bankAccount", "6222 0212 3456 7890",
                "creditRating", "AA", "creditLimit", Map.of("amount", "500000.00", "currency", "CNY"),
                "paymentTermsDays", 30));
        card.put("tags", List.of("重点", "华北"));
        card.put("rapport", Map.of("hometown", "湖南长沙", "hobbies", List.of("围棋")));
        return card;
    }

    public static String randomCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91");
        code.append(String.format("%06d", ThreadLocalRandom.current().nextInt(110000, 660000)));
        while (code.length() < 17) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", Tokens.bearer(subject, roles)).contentType(ContentType.JSON);
    }

    /** Registers a card as {@code owner} (a sales rep) and returns its id. */
    public static String register(String owner, Map<String, Object> card) {
        return create(owner, card).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse create(String owner, Map<String, Object> card) {
        return as(owner, "crm-sales").body(card).post(CREATE).then();
    }
}
