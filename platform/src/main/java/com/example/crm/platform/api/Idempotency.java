package com.example.crm.platform.api;

import com.example.crm.platform.config.PlatformConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Idempotency-Key for creates. The key is recorded in the same transaction as the creation, per caller
 * (JWT subject) and bound to the request's target (method, path and query, the query's parameters in name order):
 * a retry with the same key, target and body gets the first response replayed (201 with the same Location, ETag and
 * body); the same key with another body or sent to another target is a 422. A concurrent retry waits on the key's row
 * until the first request commits, then replays it. Failed requests record nothing.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final DataSource dataSource;
    private final ObjectMapper canonical;
    private final ObjectMapper mapper;
    private final PlatformConfig config;
    private final CurrentVertxRequest request;

    public Idempotency(DataSource dataSource, ObjectMapper mapper, AnswerJson answers, PlatformConfig config,
                       CurrentVertxRequest request) {
        this.dataSource = dataSource;
        this.request = request;
        this.mapper = answers.mapper();
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.config = config;
    }

    /** What a create produced: where the new resource lives, and the representation to answer with. */
    public record Created(URI location, Object body, String etag) {
    }

    /**
     * Runs {@code create} once per key; without a key it simply runs it.
     *
     * @param principal the caller (keys are scoped per caller)
     * @param request   the parsed request body (its canonical JSON identifies the request)
     */
    @Transactional
    public Response create(String key, String principal, Object request, Supplier<Created> create) {
        if (key == null) {
            return respond(create.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        String target = target();
        try (Connection connection = dataSource.getConnection()) {
            if (!claim(connection, principal, key, hash, target)) {
                return replay(connection, principal, key, hash, target);
            }
            Created created = create.get();
            try (PreparedStatement store = connection.prepareStatement("""
                    update idempotency_key set status = 201, location = ?, body = ?, etag = ?
                    where principal = ? and key = ?""")) {
                store.setString(1, created.location().toString());
                store.setString(2, mapper.writeValueAsString(created.body()));
                store.setString(3, created.etag());
                store.setString(4, principal);
                store.setString(5, key);
                store.executeUpdate();
            }
            return respond(created);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency key store failed", e);
        }
    }

    /** The request's method, path and query, its parameters in name order (a client may order them either way). */
    private String target() {
        HttpServerRequest current = request.getCurrent().request();
        StringBuilder target = new StringBuilder(current.method().name()).append(' ').append(current.path());
        MultiMap query = current.params();
        String separator = "?";
        for (String name : new TreeSet<>(query.names())) {
            for (String value : query.getAll(name)) {
                target.append(separator).append(name).append('=').append(value);
                separator = "&";
            }
        }
        return target.toString();
    }

    private boolean claim(Connection connection, String principal, String key, String hash, String target)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into idempotency_key (principal, key, request_hash, target) values (?, ?, ?, ?)
                on conflict do nothing""")) {
            insert.setString(1, principal);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setString(4, target);
            return insert.executeUpdate() == 1;
        }
    }

    private Response replay(Connection connection, String principal, String key, String hash, String target)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select request_hash, status, location, body, target, etag
                from idempotency_key where principal = ? and key = ?""")) {
            select.setString(1, principal);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getString(2) == null) {
                    throw new ProblemException(ProblemType.CONFLICT, "a request with this Idempotency-Key is in progress");
                }
                String firstTarget = rs.getString(5);
                if (firstTarget != null && !firstTarget.equals(target)) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key " + key + " was used for " + firstTarget + "; a key names one request");
                }
                if (!rs.getString(1).equals(hash)) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key " + key + " was used with a different request body");
                }
                Response.ResponseBuilder replayed = Response.status(rs.getInt(2)).location(URI.create(rs.getString(3)))
                        .header("Idempotent-Replayed", "true")
                        .entity(rs.getString(4)).type("application/json");
                if (rs.getString(6) != null) {
                    replayed.header("ETag", rs.getString(6));
                }
                return replayed.build();
            }
        }
    }

    private static Response respond(Created created) {
        Response.ResponseBuilder response = Response.created(created.location()).entity(created.body());
        if (created.etag() != null) {
            response.header("ETag", created.etag());
        }
        return response.build();
    }

    private String hash(Object request) {
        try {
            byte[] json = canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets keys older than {@code crm.idempotency.retention}. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from idempotency_key where created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(config.idempotency().retention())));
            delete.executeUpdate();
        }
    }
}
