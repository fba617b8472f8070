package com.example.crm.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's topics as kcat (Debian package, a Kafka client from outside the suite) reads them. */
final class Kcat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Kcat() {
    }

    /** The suite's topics as the broker lists them (kcat -L). */
    static List<String> topics() throws IOException, InterruptedException {
        List<String> topics = new ArrayList<>();
        for (JsonNode topic : JSON.readTree(run("-L", "-J")).path("topics")) {
            String name = topic.path("topic").asText();
            if (name.startsWith("crm.")) {
                topics.add(name);
            }
        }
        return topics;
    }

    /** Every record of a topic from its beginning, as kcat's JSON envelope (key, headers, payload). */
    static List<JsonNode> consume(String topic) throws IOException, InterruptedException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : run("-C", "-t", topic, "-o", "beginning", "-e", "-q", "-J").split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", SuiteStack.BOOTSTRAP));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("kcat " + String.join(" ", arguments)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
