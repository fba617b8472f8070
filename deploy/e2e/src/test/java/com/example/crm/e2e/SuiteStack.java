package com.example.crm.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack the end-to-end tests run against: the four services as separate processes (their packaged
 * {@code quarkus-run.jar}, production profile), a PostgreSQL cluster (database {@value #DATABASE}, port
 * {@link #PG_PORT}, data in {@link #PG_DATA}) and a Kafka broker of its own, started with
 * {@code deploy/local/crm} next to a developer's {@code crm up} stack and the machine's PostgreSQL, never touching
 * them.
 *
 * <p>A stack already answering on these ports is reused when its services run the packages now on disk;
 * otherwise it is reset (its cluster removed, broker emptied) and started, and after the run stopped and its
 * cluster removed unless {@code CRM_E2E_KEEP=1}. Its only difference from
 * production is configuration: complaint SLA targets of seconds instead of hours for severity HIGH and an
 * escalation scan every second, so that escalation by time happens within a test, and no nightly classification
 * run (the tests start theirs).
 */
public final class SuiteStack implements BeforeAllCallback {

    static final Path ROOT = Path.of(System.getProperty("crm.root", "../..")).toAbsolutePath().normalize();
    static final int HTTP_PORT_BASE = 18080;
    static final int KAFKA_PORT = 29092;
    /** The port of the stack's own PostgreSQL cluster (the fault run stops it; the machine's cluster is never touched). */
    static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("CRM_E2E_PG_PORT", "25432"));
    static final String DATABASE = "crm_e2e";
    static final String BOOTSTRAP = "127.0.0.1:" + KAFKA_PORT;

    /** First-response and resolution targets of severity HIGH in this stack (production: 4 h and 24 h). */
    static final Duration HIGH_FIRST_RESPONSE = Duration.ofSeconds(6);
    static final Duration HIGH_RESOLUTION = Duration.ofSeconds(90);
    /** complaint.sla.key-client-factor (its default). */
    static final double KEY_CLIENT_FACTOR = 0.5;

    private static final Path WORK = ROOT.resolve("deploy/local/.work/e2e");
    /**
     * The data folder of the stack's own PostgreSQL cluster: under the system's temporary folder, which the
     * postgres user can always reach (a checkout under a home folder may not be).
     */
    static final Path PG_DATA = Path.of(System.getProperty("java.io.tmpdir"), "crm-e2e-postgres-" + PG_PORT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SuiteStack.class) {
            if (ready) {
                return;
            }
            if (!allReady() || !runsThePackagesOnDisk()) {
                crm("reset");
                crm("up");
                if (!"1".equals(System.getenv("CRM_E2E_KEEP"))) {
                    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SuiteStack.class, (AutoCloseable) () -> {
                        crm("down");
                        crm("postgres", "remove");
                    });
                }
            }
            ready = true;
        }
    }

    /** A stack is reused only when each service runs the package the build just made ({@code crm current}). */
    static boolean runsThePackagesOnDisk() throws IOException, InterruptedException {
        try {
            crm("current");
            return true;
        } catch (IllegalStateException stale) {
            return false;
        }
    }

    /** The process id of a service of the stack (for its memory, or to stop it). */
    static long pid(Service service) throws IOException {
        return Long.parseLong(Files.readString(WORK.resolve("services/" + service.id + ".pid")).trim());
    }

    static boolean allReady() {
        for (Service service : Service.values()) {
            if (readiness(service) != 200) {
                return false;
            }
        }
        return true;
    }

    /** The status of a service's readiness check (200 UP, 503 DOWN), 0 when it does not answer. */
    static int readiness(Service service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Runs {@code deploy/local/crm} on this stack, e.g. {@code up}, {@code kill client}, {@code broker stop}. */
    static void crm(String... command) throws IOException, InterruptedException {
        Path log = ROOT.resolve("deploy/e2e/target/stack-" + String.join("-", command) + ".log");
        Files.createDirectories(log.getParent());
        List<String> line = new java.util.ArrayList<>(List.of(ROOT.resolve("deploy/local/crm").toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("CRM_WORK", WORK.toString());
        env.put("CRM_DB", DATABASE);
        env.put("CRM_HTTP_PORT_BASE", String.valueOf(HTTP_PORT_BASE));
        env.put("CRM_KAFKA_PORT", String.valueOf(KAFKA_PORT));
        env.put("CRM_PG_PORT", String.valueOf(PG_PORT));
        env.put("CRM_PG_DATA", PG_DATA.toString());
        env.put("COMPLAINT_SLA_FIRST_RESPONSE_HIGH", HIGH_FIRST_RESPONSE.toSeconds() + "s");
        env.put("COMPLAINT_SLA_RESOLUTION_HIGH", HIGH_RESOLUTION.toSeconds() + "s");
        env.put("COMPLAINT_ESCALATION_SCAN_EVERY", "1s");
        // the tests start classification runs themselves; the nightly one (02:30) would change cards mid-test
        env.put("SEGMENTATION_RUNS_CRON", "off");
        // this stack's services are killed and restarted under load on a machine whose cores the broker, PostgreSQL
        // and the load share: C1-compiled code with the serial collector starts fast and settles at once (the fault
        // run's client-service was back from kill -9 in 38 s instead of 108 s; docs/benchmarks.md)
        env.putIfAbsent("CRM_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("crm " + String.join(" ", command) + " did not finish within 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("crm " + String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                    + String.join("\n", tail(Files.readAllLines(log), 40)));
        }
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
