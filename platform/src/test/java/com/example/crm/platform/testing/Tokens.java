package com.example.crm.platform.testing;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the development key ({@code smallrye.jwt.sign.key.location}, set for
 * the test profile) unless a test needs a token the service must refuse.
 */
public final class Tokens {

    public static final String ISSUER = "https://crm.local/dev";
    /** The audience the services expect ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "crm-api";

    /**
     * The department of the users a test does not place anywhere: one head office, as in a company that has not
     * split into departments, so a manager there sees every rep's clients there (their default data scope is their
     * department and everything below it) and a rep sees their own.
     */
    public static final String HEAD_OFFICE = "hq";

    private Tokens() {
    }

    /** A token of a user of the head office ({@link #HEAD_OFFICE}). */
    public static String bearer(String subject, String... roles) {
        return bearerInDepartment(subject, HEAD_OFFICE, roles);
    }

    /** A token of a user in {@code department} (the department claim pool membership and caps read). */
    public static String bearerInDepartment(String subject, String department, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(roles))
                .claim("dept", department).expiresIn(3600).sign();
    }

    public static String expired(String subject, String role) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(role)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String signedWithForeignKey(String subject, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair foreign = generator.generateKeyPair();
            return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(role).expiresIn(3600).sign(foreign.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fromOtherIssuer(String subject, String role) {
        return "Bearer " + Jwt.issuer("https://elsewhere.example").audience(AUDIENCE).subject(subject).groups(role).expiresIn(3600).sign();
    }

    /** A token for another system (its {@code aud}), otherwise valid. */
    public static String forOtherAudience(String subject, String role) {
        return "Bearer " + Jwt.issuer(ISSUER).audience("billing-api").subject(subject).groups(role).expiresIn(3600).sign();
    }

    /** A token valid for ten years: beyond the longest lifetime the services accept ({@code smallrye.jwt.time-to-live}). */
    public static String tenYearsLong(String subject, String role) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(role)
                .expiresIn(java.time.Duration.ofDays(3650)).sign();
    }

    /** A token issued an hour from now (beyond the allowed clock skew). */
    public static String issuedInTheFuture(String subject, String role) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(role)
                .issuedAt(Instant.now().plusSeconds(3600)).expiresAt(Instant.now().plusSeconds(7200)).sign();
    }

    /** An unsigned token ({@code alg: none}) claiming the admin role. */
    public static String unsigned(String subject, String role) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"groups\":[\""
                + role + "\"],\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").getBytes());
        return "Bearer " + header + "." + payload + ".";
    }
}
