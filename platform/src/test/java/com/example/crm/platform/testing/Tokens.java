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

    private Tokens() {
    }

    public static String bearer(String subject, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles))
                .expiresIn(3600).sign();
    }

    /** A token of a user in {@code department} (the department claim pool membership and caps read). */
    public static String bearerInDepartment(String subject, String department, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles))
                .claim("dept", department).expiresIn(3600).sign();
    }

    public static String expired(String subject, String role) {
        return "Bearer " + Jwt.issuer(ISSUER).subject(subject).groups(role)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String signedWithForeignKey(String subject, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair foreign = generator.generateKeyPair();
            return "Bearer " + Jwt.issuer(ISSUER).subject(subject).groups(role).expiresIn(3600).sign(foreign.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fromOtherIssuer(String subject, String role) {
        return "Bearer " + Jwt.issuer("https://elsewhere.example").subject(subject).groups(role).expiresIn(3600).sign();
    }

    /** An unsigned token ({@code alg: none}) claiming the admin role. */
    public static String unsigned(String subject, String role) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"groups\":[\""
                + role + "\"],\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").getBytes());
        return "Bearer " + header + "." + payload + ".";
    }
}
