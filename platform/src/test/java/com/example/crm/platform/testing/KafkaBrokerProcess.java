package com.example.crm.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A throw-away single-node KRaft broker run as its own process from the jars the local stack fetched
 * ({@code CRM_KAFKA_LIBS}), for tests that stop and restart a broker. Its data survives a restart.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path libs;
    private Process process;

    public KafkaBrokerProcess(int port) throws IOException {
        String libsDir = System.getenv("CRM_KAFKA_LIBS");
        if (libsDir == null || !Files.isDirectory(Path.of(libsDir))) {
            throw new IllegalStateException("CRM_KAFKA_LIBS must name the broker's jars (deploy/local/crm test sets it)");
        }
        this.libs = Path.of(libsDir);
        this.port = port;
        this.dir = Files.createTempDirectory("crm-broker-");
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "num.partitions=3",
                "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0", ""));
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status=error", "appender.file.type=File", "appender.file.name=file",
                "appender.file.fileName=" + dir.resolve("server.log"),
                "appender.file.layout.type=PatternLayout", "appender.file.layout.pattern=%m%n",
                "rootLogger.level=INFO", "rootLogger.appenderRef.file.ref=file", ""));
        run(List.of("kafka.tools.StorageTool", "format", "-t", "q1Sh-9_ISia_zwGINzRvyQ",
                "-c", dir.resolve("server.properties").toString()));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        Files.deleteIfExists(dir.resolve("server.log"));
        process = java(List.of("kafka.Kafka", dir.resolve("server.properties").toString()))
                .redirectOutput(dir.resolve("stdout.log").toFile()).redirectErrorStream(true).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Path log = dir.resolve("server.log");
        while (!(Files.exists(log) && Files.readString(log).contains("Kafka Server started"))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("test broker did not start; see " + dir);
            }
            Thread.onSpinWait();
            process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** SIGTERM, as an operator stopping the broker would. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void run(List<String> args) throws IOException {
        try {
            Process tool = java(args).redirectOutput(dir.resolve("tool.log").toFile()).redirectErrorStream(true).start();
            if (tool.waitFor() != 0) {
                throw new IllegalStateException("broker tool failed: " + Files.readString(dir.resolve("tool.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private ProcessBuilder java(List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", libs + "/*"));
        command.addAll(args);
        return new ProcessBuilder(command);
    }
}
