package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped systemd units, checked by systemd's own tool as a newcomer would: {@code systemd-analyze verify} finds
 * nothing to say, and {@code systemd-analyze security} rates both "OK". Skipped where systemd-analyze is missing.
 */
class SystemdUnitsTest {
    /** docs/operations.md gives this figure; systemd 252 computes it. */
    private static final String EXPOSURE_ON_252 = "1.3 OK";
    /** "OK" or better on any systemd: 4.9 at most, on systemd's scale of 0 to 100. */
    private static final int OK_THRESHOLD = 49;
    private static final Pattern OVERALL = Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d) (\\w+)");

    private static Path tool;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTool() {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(p -> Path.of(p, "systemd-analyze")).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), "systemd-analyze is not installed here, so the units cannot be checked");
        tool = found.get();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze ended").isTrue();
        return new Result(p.exitValue(), output);
    }

    /**
     * verify checks that ExecStart's program exists and can be run. Where the JVM lives differs between hosts, so the
     * copies run this test's own {@code java}; everything else is the shipped text.
     */
    @Test
    void verifyFindsNothingToSayAboutEitherUnit() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> args = new ArrayList<>(List.of("verify"));
        for (String name : SystemdUnit.NAMES) {
            SystemdUnit unit = SystemdUnit.read(name);
            assertThat(unit.execStart().get(0)).isEqualTo("/usr/bin/java");
            Path copy = dir.resolve(name);
            Files.writeString(copy, unit.text.replace("ExecStart=/usr/bin/java ", "ExecStart=" + java + " "));
            args.add(copy.toString());
        }

        Result verify = run(args);

        assertThat(verify.output()).as("what systemd-analyze verify said").isEmpty();
        assertThat(verify.exit()).isZero();
    }

    @Test
    void verifyWouldSaySoAboutAMisspelledDirective() throws Exception {
        SystemdUnit unit = SystemdUnit.read("byninja-trading-bot.service");
        Path copy = dir.resolve("byninja-trading-bot.service");
        Files.writeString(copy, unit.text.replace("ProtectKernelLogs=", "ProtectKernelLog="));

        Result verify = run(List.of("verify", copy.toString()));

        assertThat(verify.output()).contains("Unknown key 'ProtectKernelLog' in section [Service], ignoring.");
    }

    @Test
    void securityRatesBothUnitsOkWithTheDocumentedExposure() throws Exception {
        String version = run(List.of("--version")).output().lines().findFirst().orElse("");
        for (String name : SystemdUnit.NAMES) {
            Result security = run(List.of("security", "--offline=true", "--threshold=" + OK_THRESHOLD,
                    SystemdUnit.DEPLOY.resolve(name).toString()));

            Matcher overall = OVERALL.matcher(security.output());
            assertThat(overall.find()).as("the overall line of:\n" + security.output()).isTrue();
            assertThat(overall.group(1)).isEqualTo(name);
            if (version.startsWith("systemd 252 ")) {
                assertThat(overall.group(2) + " " + overall.group(3)).isEqualTo(EXPOSURE_ON_252);
            }
            assertThat(security.exit()).as(name + " is OK or better: " + overall.group()).isZero();
        }
    }

    @Test
    void theUnitsRunTheJarsWithTheFlagsTheSystemTestsUse() throws Exception {
        for (String name : SystemdUnit.NAMES) {
            List<String> exec = SystemdUnit.read(name).execStart();
            String daemon = name.substring("byninja-".length(), name.length() - ".service".length());

            assertThat(exec.subList(1, 1 + Daemon.JVM_FLAGS.size())).isEqualTo(Daemon.JVM_FLAGS);
            assertThat(exec.subList(1 + Daemon.JVM_FLAGS.size(), exec.size())).containsExactly("-jar",
                    "/opt/byninja/" + daemon + ".jar", "--config", "/etc/byninja/" + daemon + ".yml");
        }
    }
}
