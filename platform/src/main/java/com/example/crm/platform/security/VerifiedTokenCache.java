package com.example.crm.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmFactoryFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.SecretKey;

/**
 * Verifies each bearer token once and reuses the verified claims until the token expires (at most
 * {@link #MAX_REUSE}): RS256 verification was the largest single CPU cost of a request. Entries are keyed
 * by the SHA-256 of the whole token, so only the very same signed bytes hit the cache; a token that fails
 * verification is never cached. Replaces smallrye-jwt's parser for Quarkus' JWT identity provider.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final Duration MAX_REUSE = Duration.ofMinutes(5);
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final DefaultJWTParser delegate;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(new Expiry<String, JsonWebToken>() {
                @Override
                public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
                    long untilExpiry = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime())).toNanos();
                    return Math.max(0, Math.min(untilExpiry, MAX_REUSE.toNanos()));
                }

                @Override
                public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
                    return currentDuration;
                }

                @Override
                public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .build();

    private final long clockSkewSeconds;

    public VerifiedTokenCache(JWTAuthContextInfo authContextInfo) {
        this.delegate = new DefaultJWTParser(authContextInfo);
        this.clockSkewSeconds = authContextInfo.getClockSkew();
    }

    /**
     * jose4j registers its algorithms on first use, probing the JCE for each one: seconds on a busy machine, which
     * blocked the event loops of the first requests after a restart. Done at startup instead.
     */
    void registerAlgorithms(@Observes StartupEvent event) {
        AlgorithmFactoryFactory.getInstance();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return notIssuedInTheFuture(delegate.parse(token));
        }
        String key = sha256(token);
        JsonWebToken cached = verified.getIfPresent(key);
        if (cached != null && Instant.now().getEpochSecond() < cached.getExpirationTime()) {
            return cached;
        }
        JsonWebToken fresh = notIssuedInTheFuture(delegate.parse(token));
        verified.put(key, fresh);
        return fresh;
    }

    /**
     * smallrye-jwt bounds a token's lifetime ({@code smallrye.jwt.time-to-live}) from its own iat, so a token claiming
     * to be issued later than now would stretch that bound: refused beyond the allowed clock skew.
     */
    private JsonWebToken notIssuedInTheFuture(JsonWebToken token) throws ParseException {
        if (token.getIssuedAtTime() > Instant.now().getEpochSecond() + clockSkewSeconds) {
            throw new ParseException("the token's iat is in the future");
        }
        return token;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
