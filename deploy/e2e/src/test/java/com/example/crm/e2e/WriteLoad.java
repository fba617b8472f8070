package com.example.crm.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * A steady mixed write load on the suite at a fixed rate, with a ledger of what each service accepted: client
 * creates, card updates, status and owner changes, contacts, orders, payments, visit plans, complaints and their
 * steps (acknowledged, investigated, resolved), and on clients set aside for it (one in eight, which get one contact
 * and nothing else) merges and erasures. Every write carries an Idempotency-Key (an update its
 * If-Match): one whose answer was lost (connection reset, 5xx) is retried afterwards with the same key, as a
 * careful caller would, so that the ledger ends up knowing exactly which writes took effect.
 */
final class WriteLoad implements AutoCloseable {

    enum Kind { CLIENT, UPDATE, STATUS, OWNER, CONTACT, ORDER, PAYMENT, PLAN, COMPLAINT, STEP, MERGE, ERASE }

    /** A complaint step's target status, in order: step n of a complaint is sent with If-Match n. */
    static final List<String> STEPS = List.of("ACKNOWLEDGED", "INVESTIGATING", "RESOLVED");

    record Write(Kind kind, String method, Service service, String path, String body, String key, String ifMatch,
                 String subject) {
    }

    /** A 5xx or no answer: when the request was sent and when its answer (or the client's timeout) came. */
    record ServerError(Instant sent, Instant at, Service service, int status, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore inFlight = new Semaphore(256);
    private final String run = Users.RUN;
    private final AtomicLong sequence = new AtomicLong();
    private final int perSecond;
    private final Duration rampUp;
    private double owed;
    private Instant started;

    final List<String> clients = new CopyOnWriteArrayList<>();
    final Map<String, Instant> clientSince = new ConcurrentHashMap<>();
    final Map<String, Boolean> updated = new ConcurrentHashMap<>();
    /** Clients moved POTENTIAL → INTENDED (true once accepted); a card gets either an update or this, once. */
    final Map<String, Boolean> transitioned = new ConcurrentHashMap<>();
    private final java.util.Set<String> cardClaimed = ConcurrentHashMap.newKeySet();
    final Map<String, String> contacts = new ConcurrentHashMap<>();      // interaction id -> client
    final Map<String, Instant> contactTimes = new ConcurrentHashMap<>(); // interaction id -> occurredAt
    final Map<String, BigDecimal> orders = new ConcurrentHashMap<>();    // order id -> amount
    final Map<String, String> orderClients = new ConcurrentHashMap<>();
    private final List<String> orderList = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> paidClaimed = ConcurrentHashMap.newKeySet();
    final Map<String, String> payments = new ConcurrentHashMap<>();      // payment id -> client
    final Map<String, String> complaints = new ConcurrentHashMap<>();    // complaint id -> client
    private final List<String> complaintList = new CopyOnWriteArrayList<>();
    /** Complaint id -> steps accepted (1 acknowledged, 2 investigated, 3 resolved). */
    final Map<String, Integer> complaintSteps = new ConcurrentHashMap<>();
    private final java.util.Set<String> stepInFlight = ConcurrentHashMap.newKeySet();
    /** Clients handed from the rep to the other rep (true once accepted); a card gets one of update, status, owner. */
    final Map<String, Boolean> ownerChanged = new ConcurrentHashMap<>();
    final Map<String, String> plans = new ConcurrentHashMap<>();         // visit plan id -> client
    /** Clients set aside for merges and erasures: new → contacting → ready → merging / erasing → done. */
    final Map<String, String> spare = new ConcurrentHashMap<>();
    private final List<String> spareList = new CopyOnWriteArrayList<>();
    final Map<String, String> merged = new ConcurrentHashMap<>();        // accepted: duplicate -> survivor
    final java.util.Set<String> erased = ConcurrentHashMap.newKeySet();  // accepted erasures
    final Queue<Write> unanswered = new ConcurrentLinkedQueue<>();
    final List<ServerError> serverErrors = new CopyOnWriteArrayList<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final StallSnapshots stalls = new StallSnapshots();

    /**
     * @param perSecond the steady rate
     * @param rampUp    the time over which the rate rises from a fifth of it to all of it (the services' JIT
     *                  compilers warm up meanwhile, as behind a gradual traffic shift)
     */
    WriteLoad(int perSecond, Duration rampUp) {
        this.perSecond = perSecond;
        this.rampUp = rampUp;
    }

    /** Starts the load; returns when its ramp ends, from which on it runs at the steady rate. */
    Instant start() {
        started = Instant.now();
        ticker.scheduleAtFixedRate(this::tick, 0, 10, TimeUnit.MILLISECONDS);
        return started.plus(rampUp);
    }

    private void tick() {
        double ramp = Math.min(1, 0.2 + 0.8 * Duration.between(started, Instant.now()).toMillis() / (double) rampUp.toMillis());
        owed += perSecond * ramp / 100.0;
        while (owed >= 1) {
            owed -= 1;
            Write write = next();
            if (write == null) {
                continue;
            }
            if (!inFlight.tryAcquire()) {
                skipped.incrementAndGet();
                continue;
            }
            sent.incrementAndGet();
            Instant sentAt = Instant.now();
            send(write).whenComplete((answer, failure) -> {
                inFlight.release();
                if (failure != null) {
                    if (root(failure) instanceof HttpTimeoutException) {
                        stalls.take(write.service());
                    }
                    serverErrors.add(new ServerError(sentAt, Instant.now(), write.service(), 0, noAnswer(failure)));
                    unanswered.add(write);
                } else {
                    settle(write, answer, sentAt);
                }
            });
        }
    }

    /**
     * The next write of the mix: 3 % on the clients set aside (their contact, a merge of two, an erasure), 22 % new
     * clients, 8 % card updates, 4 % status changes, 3 % owner changes, 22 % contacts, 17 % orders, 5 % payments,
     * 3 % visit plans, 8 % complaints, 5 % complaint steps.
     */
    private Write next() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 3) {
            return spareWrite(dice);
        }
        String client = settledClient();
        if (dice < 25 || client == null) {
            long n = sequence.incrementAndGet();
            return new Write(Kind.CLIENT, "POST", Service.CLIENT, "/api/v1/clients?allowDuplicate=true",
                    "{\"kind\":\"COMPANY\",\"legalName\":\"故障演练" + run + "-" + n + "有限公司\",\"industry\":\"制造业\"}",
                    UUID.randomUUID().toString(), null, null);
        }
        if (dice < 33) {
            if (!cardClaimed.add(client)) {
                return null;
            }
            updated.put(client, false);
            return new Write(Kind.UPDATE, "PATCH", Service.CLIENT, "/api/v1/clients/" + client,
                    "{\"shortName\":\"演练" + sequence.incrementAndGet() + "\"}", null, "\"0\"", client);
        }
        if (dice < 37) {
            if (!cardClaimed.add(client)) {
                return null;
            }
            transitioned.put(client, false);
            return new Write(Kind.STATUS, "POST", Service.CLIENT, "/api/v1/clients/" + client + "/transitions",
                    "{\"to\":\"INTENDED\",\"reason\":\"演练跟进\"}", null, "\"0\"", client);
        }
        if (dice < 40) {
            if (!cardClaimed.add(client)) {
                return null;
            }
            ownerChanged.put(client, false);
            return new Write(Kind.OWNER, "POST", Service.CLIENT, "/api/v1/clients/" + client + "/owner",
                    "{\"ownerId\":\"" + Users.OTHER_REP_ID + "\",\"reason\":\"演练交接\"}", null, "\"0\"", client);
        }
        if (ownerChanged.containsKey(client)) {
            return null; // the rep no longer owns it: writes would be refused
        }
        if (dice < 62) {
            return new Write(Kind.CONTACT, "POST", Service.INTERACTION, "/api/v1/clients/" + client + "/interactions",
                    "{\"kind\":\"PHONE_CALL\",\"occurredAt\":\"" + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS)
                            + "\",\"outcome\":\"NEUTRAL\"}",
                    UUID.randomUUID().toString(), null, client);
        }
        if (dice < 79) {
            BigDecimal amount = BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(100, 100_000), 2);
            return new Write(Kind.ORDER, "POST", Service.INTERACTION, "/api/v1/clients/" + client + "/orders",
                    "{\"orderedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"total\":{\"amount\":\"" + amount.toPlainString()
                            + "\",\"currency\":\"CNY\"}}", UUID.randomUUID().toString(), null, client);
        }
        if (dice < 84) {
            int size = orderList.size();
            String order = size == 0 ? null : orderList.get(ThreadLocalRandom.current().nextInt(size));
            if (order == null || ownerChanged.containsKey(orderClients.get(order)) || !paidClaimed.add(order)) {
                return null;
            }
            // 1.00 of an order of at least 1.00: one payment never pays more than is owed
            return new Write(Kind.PAYMENT, "POST", Service.INTERACTION, "/api/v1/orders/" + order + "/payments",
                    "{\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"paidAt\":\""
                            + Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS) + "\",\"method\":\"BANK_TRANSFER\"}",
                    UUID.randomUUID().toString(), null, orderClients.get(order));
        }
        if (dice < 87) {
            return new Write(Kind.PLAN, "POST", Service.INTERACTION, "/api/v1/clients/" + client + "/visit-plans",
                    "{\"plannedOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7)
                            + "\",\"purpose\":\"演练拜访\"}", UUID.randomUUID().toString(), null, client);
        }
        if (dice < 92) {
            return step();
        }
        return new Write(Kind.COMPLAINT, "POST", Service.COMPLAINT, "/api/v1/complaints",
                "{\"clientId\":\"" + client + "\",\"channel\":\"PHONE\",\"category\":\"OTHER\",\"severity\":\"LOW\",\"subject\":\"演练投诉\"}",
                UUID.randomUUID().toString(), null, client);
    }

    /** The next step of a complaint whose steps so far were accepted, with If-Match the steps taken. */
    private Write step() {
        int size = complaintList.size();
        for (int attempt = 0; attempt < 5 && size > 0; attempt++) {
            String complaint = complaintList.get(ThreadLocalRandom.current().nextInt(size));
            int done = complaintSteps.getOrDefault(complaint, 0);
            if (done >= STEPS.size() || !stepInFlight.add(complaint)) {
                continue;
            }
            String path = "/api/v1/complaints/" + complaint;
            return switch (done) {
                case 0 -> new Write(Kind.STEP, "PUT", Service.COMPLAINT, path + "/acknowledgement",
                        "{\"customerAccount\":\"演练客户陈述\"}", null, "\"0\"", complaint);
                case 1 -> new Write(Kind.STEP, "PUT", Service.COMPLAINT, path + "/investigation",
                        "{\"rootCause\":\"OTHER\",\"finding\":\"演练调查\",\"toldCustomer\":\"已告知\"}", null, "\"1\"", complaint);
                default -> new Write(Kind.STEP, "POST", Service.COMPLAINT, path + "/resolution",
                        "{\"apologyGiven\":true,\"resolution\":\"演练解决\"}", null, "\"2\"", complaint);
            };
        }
        return null;
    }

    /**
     * A write on the clients set aside: their one contact, then (dice 0) a merge of two of them, (dice 1) an erasure
     * of one, else the contact of another.
     */
    private Write spareWrite(int dice) {
        List<String> ready = spareList.stream().filter(c -> "ready".equals(spare.get(c))).limit(2).toList();
        if (dice == 0 && ready.size() == 2 && spare.replace(ready.get(0), "ready", "merging")) {
            if (!spare.replace(ready.get(1), "ready", "merging")) {
                spare.put(ready.get(0), "ready");
                return null;
            }
            return new Write(Kind.MERGE, "POST", Service.CLIENT, "/api/v1/clients/" + ready.get(0) + "/merge",
                    "{\"duplicateId\":\"" + ready.get(1) + "\",\"reason\":\"演练合并\"}", null, "\"0\"", ready.get(0));
        }
        if (dice == 1 && !ready.isEmpty() && spare.replace(ready.get(0), "ready", "erasing")) {
            return new Write(Kind.ERASE, "POST", Service.CLIENT, "/api/v1/clients/" + ready.get(0) + "/erasure",
                    "{\"reason\":\"演练擦除\"}", null, null, ready.get(0));
        }
        for (String client : spareList) {
            if (clientSince.get(client).isBefore(Instant.now().minusSeconds(3)) && spare.replace(client, "new", "contacting")) {
                return new Write(Kind.CONTACT, "POST", Service.INTERACTION, "/api/v1/clients/" + client + "/interactions",
                        "{\"kind\":\"PHONE_CALL\",\"occurredAt\":\"" + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS)
                                + "\",\"outcome\":\"NEUTRAL\"}", UUID.randomUUID().toString(), null, client);
            }
        }
        return null;
    }

    /**
     * A client created more than three seconds ago (the other services know it by then, outside a fault) and not
     * set aside for merges and erasures.
     */
    private String settledClient() {
        int size = clients.size();
        for (int attempt = 0; attempt < 5 && size > 0; attempt++) {
            String client = clients.get(ThreadLocalRandom.current().nextInt(size));
            if (!spare.containsKey(client) && clientSince.get(client).isBefore(Instant.now().minusSeconds(3))) {
                return client;
            }
        }
        return null;
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> send(Write write) {
        String token = switch (write.kind()) {
            case COMPLAINT, STEP -> Users.SERVICE_DESK;
            case ERASE -> Users.ADMIN;
            default -> Users.REP;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(write.service().baseUri() + write.path()))
                .timeout(Duration.ofSeconds(15)).header("Authorization", token)
                .header("Content-Type", write.kind() == Kind.UPDATE ? "application/merge-patch+json" : "application/json")
                .method(write.method(), HttpRequest.BodyPublishers.ofString(write.body()));
        if (write.key() != null) {
            request.header("Idempotency-Key", write.key());
        }
        if (write.ifMatch() != null) {
            request.header("If-Match", write.ifMatch());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Books an answer: 2xx accepted; a retried update ({@code sentAt} null) answered 412 was applied by its first
     * attempt if the card shows its value (something else, e.g. a classification run, may have changed the card).
     */
    private void settle(Write write, HttpResponse<String> answer, Instant sentAt) {
        boolean retry = sentAt == null;
        int status = answer.statusCode();
        if (status >= 500) {
            serverErrors.add(new ServerError(sentAt, Instant.now(), write.service(), status, abbreviated(answer.body())));
            unanswered.add(write);
            return;
        }
        if (write.kind() == Kind.UPDATE && (status == 200 || (retry && status == 412 && shows(write, "shortName")))) {
            updated.put(write.subject(), true);
            return;
        }
        if (write.kind() == Kind.STATUS && (status == 200 || (retry && status == 412 && shows(write, "status")))) {
            transitioned.put(write.subject(), true);
            return;
        }
        if (write.kind() == Kind.OWNER && (status == 200 || (retry && status == 412 && stored(Service.CLIENT,
                "select owner_id from client where id = ?::uuid", write.subject()).equals(Users.OTHER_REP_ID)))) {
            ownerChanged.put(write.subject(), true);
            return;
        }
        if (write.kind() == Kind.STEP) {
            int done = complaintSteps.getOrDefault(write.subject(), 0);
            if (status == 200 || (retry && status == 412 && stored(Service.COMPLAINT,
                    "select status from complaint where id = ?::uuid", write.subject()).equals(STEPS.get(done)))) {
                complaintSteps.put(write.subject(), done + 1);
            } else {
                refused.incrementAndGet();
            }
            stepInFlight.remove(write.subject());
            return;
        }
        if (write.kind() == Kind.MERGE) {
            String duplicate = write.body().replaceAll(".*\"duplicateId\":\"([^\"]+)\".*", "$1");
            if (status == 200 || (retry && status == 412 && write.subject().equals(stored(Service.CLIENT,
                    "select merged_into::text from client where id = ?::uuid", duplicate)))) {
                merged.put(duplicate, write.subject());
                spare.put(write.subject(), "done");
                spare.put(duplicate, "done");
            } else {
                refused.incrementAndGet();
            }
            return;
        }
        if (write.kind() == Kind.ERASE) {
            if (status == 200) {
                erased.add(write.subject());
                spare.put(write.subject(), "done");
            } else {
                refused.incrementAndGet();
            }
            return;
        }
        if (status >= 400) {
            if (write.kind() == Kind.UPDATE) {
                updated.remove(write.subject());
            } else if (write.kind() == Kind.STATUS) {
                transitioned.remove(write.subject());
            } else if (write.kind() == Kind.OWNER) {
                ownerChanged.remove(write.subject());
            } else if (write.kind() == Kind.CONTACT && "contacting".equals(spare.get(write.subject()))) {
                spare.put(write.subject(), "new");
            }
            refused.incrementAndGet();
            return;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            String id = body.path("id").asText();
            switch (write.kind()) {
                case CLIENT -> {
                    clientSince.put(id, Instant.now());
                    if (clients.size() % 8 == 7) {
                        spare.put(id, "new");
                        spareList.add(id);
                    }
                    clients.add(id);
                }
                case CONTACT -> {
                    contactTimes.put(id, Instant.parse(JSON.readTree(write.body()).path("occurredAt").asText()));
                    contacts.put(id, write.subject());
                    spare.replace(write.subject(), "contacting", "ready");
                }
                case ORDER -> {
                    orders.put(id, new BigDecimal(body.path("total").path("amount").asText()));
                    orderClients.put(id, write.subject());
                    orderList.add(id);
                }
                case PAYMENT -> payments.put(id, write.subject());
                case PLAN -> plans.put(id, write.subject());
                case COMPLAINT -> {
                    complaints.put(id, write.subject());
                    complaintList.add(id);
                }
                default -> throw new IllegalStateException(write.kind().name());
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable answer " + answer.body(), e);
        }
    }

    /** Whether the card a change was sent for shows what it set ({@code field}: shortName, or status for a transition). */
    private boolean shows(Write update, String field) {
        try {
            HttpResponse<String> card = http.send(HttpRequest.newBuilder(URI.create(update.service().baseUri()
                    + "/api/v1/clients/" + update.subject()))
                    .timeout(Duration.ofSeconds(15)).header("Authorization", Users.REP).build(), HttpResponse.BodyHandlers.ofString());
            if (card.statusCode() != 200) {
                throw new IllegalStateException("cannot read " + update.path() + ": " + card.statusCode() + " " + card.body());
            }
            return JSON.readTree(card.body()).path(field).equals(JSON.readTree(update.body()).path(field.equals("status") ? "to" : field));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + update.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One text value from the service's database, "" when there is none (a retried change's effect, read back). */
    private static String stored(Service service, String sql, String id) {
        try (java.sql.Connection db = service.database(); java.sql.PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, id);
            try (java.sql.ResultSet r = query.executeQuery()) {
                return r.next() && r.getString(1) != null ? r.getString(1) : "";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Stops the load and retries every write whose answer was lost, until each has a definite answer. */
    List<String> stopAndSettle(Duration atMost) throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        inFlight.acquire(256);
        inFlight.release(256);
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
                retryRound();
                return unanswered.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // what is still unanswered is reported below
        }
        List<String> unsettled = new ArrayList<>();
        unanswered.forEach(w -> unsettled.add(w.kind() + " " + w.path()));
        return unsettled;
    }

    /** Sends every unanswered write once more, all at once; those answered 5xx or not at all stay unanswered. */
    private void retryRound() throws InterruptedException {
        List<Write> round = new ArrayList<>(unanswered);
        unanswered.clear();
        List<java.util.concurrent.CompletableFuture<Void>> answers = new ArrayList<>();
        for (Write write : round) {
            inFlight.acquire();
            answers.add(send(write).handle((answer, failure) -> {
                inFlight.release();
                if (failure != null || answer.statusCode() >= 500) {
                    unanswered.add(write);
                } else {
                    settle(write, answer, null);
                }
                return null;
            }));
        }
        java.util.concurrent.CompletableFuture.allOf(answers.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    }

    /** Whether the mix writes to {@code service}: to all but segmentation-service, which only consumes events. */
    static boolean writesTo(Service service) {
        return service != Service.SEGMENTATION;
    }

    /** Writes to {@code service} that got a 5xx or no answer so far. */
    long failures(Service service) {
        return serverErrors.stream().filter(e -> e.service() == service).count();
    }

    long accepted() {
        return clients.size() + updated.values().stream().filter(b -> b).count()
                + transitioned.values().stream().filter(b -> b).count() + ownerChanged.values().stream().filter(b -> b).count()
                + contacts.size() + orders.size() + payments.size() + plans.size() + complaints.size()
                + complaintSteps.values().stream().mapToInt(Integer::intValue).sum() + merged.size() + erased.size();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        stalls.close();
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** Why no answer came: the innermost cause (a timeout, a refused or reset connection). */
    private static String noAnswer(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + abbreviated(root.getMessage()));
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) : text;
    }
}
