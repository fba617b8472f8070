package com.example.crm.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a service was doing when a request to it went unanswered for the client's whole timeout: its threads
 * ({@code jcmd Thread.print}) and its database sessions ({@code pg_stat_activity}), written to
 * {@code deploy/e2e/target/stall-*.txt} at most every 20 s per service, with a summary of a few lines (request
 * threads by the frame they wait in, database sessions by state) that a failed run prints, so that a run that failed
 * on timeouts says where they waited.
 */
final class StallSnapshots implements AutoCloseable {

    private static final long MIN_GAP_MILLIS = 20_000;
    private static final Pattern WAIT_FRAME =
            Pattern.compile("at (com\\.example|io\\.agroal|org\\.postgresql|org\\.hibernate|com\\.arjuna|org\\.apache\\.kafka)");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final Map<Service, Long> last = new EnumMap<>(Service.class);
    /** Per snapshot: its file and the summary. */
    final List<String> written = new CopyOnWriteArrayList<>();

    /** Takes a snapshot of {@code service} in the background unless one was taken in the last 20 s. */
    synchronized void take(Service service) {
        long now = System.currentTimeMillis();
        Long previous = last.get(service);
        if (previous != null && now - previous < MIN_GAP_MILLIS) {
            return;
        }
        last.put(service, now);
        writer.submit(() -> write(service, Instant.ofEpochMilli(now)));
    }

    private void write(Service service, Instant at) {
        StringBuilder out = new StringBuilder("request to " + service.id + "-service unanswered, " + at + "\n\n");
        Map<String, Integer> sessions = new TreeMap<>();
        out.append("## database sessions of ").append(service.id).append("_svc\n");
        try (Connection db = service.database(); Statement statement = db.createStatement();
             ResultSet r = statement.executeQuery("""
                     select pid, state, wait_event_type, wait_event, now() - xact_start as in_transaction,
                            now() - query_start as in_query, left(query, 160)
                     from pg_stat_activity where usename = current_user and pid <> pg_backend_pid()
                     order by xact_start nulls last""")) {
            while (r.next()) {
                for (int i = 1; i <= 7; i++) {
                    out.append(i == 1 ? "" : " | ").append(r.getString(i));
                }
                out.append('\n');
                sessions.merge(r.getString(2) + (r.getString(4) == null ? "" : "/" + r.getString(4)), 1, Integer::sum);
            }
        } catch (SQLException e) {
            out.append("(database unavailable: ").append(e.getMessage()).append(")\n");
        }
        out.append("\n## threads\n");
        String threads = "";
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(SuiteStack.pid(service)), "Thread.print")
                    .redirectErrorStream(true).start();
            threads = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            out.append(threads);
            jcmd.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            out.append("(no thread dump: ").append(e.getMessage()).append(")\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path file = SuiteStack.ROOT.resolve("deploy/e2e/target/stall-" + service.id + "-" + FILE_TIME.format(at) + ".txt");
        try {
            Files.writeString(file, out);
            written.add(file.getFileName() + ": request threads " + requestThreadsByFrame(threads) + ", database sessions " + sessions);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /**
     * The request (executor) threads counted by the first frame of the suite, Agroal, the JDBC driver, Hibernate,
     * Narayana or Kafka on their stack: where they wait; the three most common.
     */
    private static Map<String, Long> requestThreadsByFrame(String dump) {
        Map<String, Long> byFrame = new TreeMap<>();
        for (String thread : dump.split("\n\n")) {
            if (!thread.startsWith("\"executor-thread-")) {
                continue;
            }
            String frame = thread.lines().map(String::trim).filter(line -> line.startsWith("at "))
                    .filter(line -> WAIT_FRAME.matcher(line).find()).findFirst()
                    .map(line -> line.substring(3).replaceAll("\\(.*", "")).orElse("idle");
            byFrame.merge(frame, 1L, Long::sum);
        }
        return byFrame.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(60, TimeUnit.SECONDS);
    }
}
