package com.example.crm.e2e;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deploy/local/crm help} is the script's whole usage: every command it accepts and its whole comment. */
class CrmScriptUsageTest {

    private static final Path SCRIPT = SuiteStack.ROOT.resolve("deploy/local/crm");

    @Test
    void help_prints_every_command_the_script_accepts_and_does_not_stop_mid_sentence() throws Exception {
        List<String> source = Files.readAllLines(SCRIPT, StandardCharsets.UTF_8);
        List<String> header = source.stream().skip(1).takeWhile(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^# ?", "")).toList();

        Process help = new ProcessBuilder(SCRIPT.toString(), "help").redirectErrorStream(true).start();
        String printed = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(help.exitValue()).isZero();
        assertThat(printed.lines().toList()).isEqualTo(header);
        Matcher command = Pattern.compile("^ {4}([a-z][a-z-]*)\\)", Pattern.MULTILINE)
                .matcher(String.join("\n", source.subList(source.indexOf("main() {"), source.size())));
        while (command.find()) {
            assertThat(printed).as("the usage of `crm %s`", command.group(1)).contains("crm " + command.group(1));
        }
    }
}
