package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.telegram.testing.FakeBotApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both jars started as the shipped units start them: their {@code Environment=} lines, the example env files filled in
 * as docs/operations.md says, the shipped configuration files, one working and state directory standing in for
 * /var/lib/byninja. Nothing else: no secret is configured, and none is needed.
 */
class SystemdLayoutIT {
    private static final String STATE_DIRECTORY = "/var/lib/byninja";
    private static final long OWNER = 4242L;
    private static final String TOKEN = "123456:systemd-layout-token";

    @TempDir
    Path state;
    @TempDir
    Path etc;
    @AutoClose
    private final FakeBotApi api = new FakeBotApi(TOKEN);

    SystemdLayoutIT() throws IOException {
    }

    /** @return the unit's environment, then the env file's, with the state directory moved to the test's */
    private Map<String, String> environment(String unit, String envExample, Map<String, String> filledIn)
            throws IOException {
        Map<String, String> env = new LinkedHashMap<>(SystemdUnit.read(unit).environment());
        for (String line : Files.readAllLines(SystemdUnit.DEPLOY.resolve(envExample), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String key = line.substring(0, line.indexOf('='));
                env.put(key, filledIn.getOrDefault(key, line.substring(line.indexOf('=') + 1)));
            }
        }
        env.replaceAll((k, v) -> v.replace(STATE_DIRECTORY, state.toString()));
        return env;
    }

    private Daemon start(String daemon, Map<String, String> env) throws IOException {
        Path config = Files.copy(Path.of(SystemdUnit.DEPLOY.toString(), "..", "config", daemon + ".yml"),
                etc.resolve(daemon + ".yml"));
        String property = daemon.equals("trading-bot") ? "byninja.tradingBotJar" : "byninja.telegramServerJar";
        Path jar = Path.of(System.getProperty(property,
                Path.of(SystemdUnit.DEPLOY.toString(), "..", daemon, "target", daemon + ".jar").toString()));
        return Daemon.start(daemon, jar, state, env, "--config", config.toString());
    }

    private List<String> chat() {
        return api.textsTo(OWNER);
    }

    @Test
    void theDaemonsShareOneNewSecretInTheStateDirectoryLogToTheJournalOnlyAndStopOnCtrlCOrSigterm()
            throws Exception {
        int port = Deployment.freePort();
        Map<String, String> telegramEnv = environment("byninja-telegram-server.service",
                "telegram-server.env.example", Map.of("BYNINJA_TELEGRAM_TOKEN", TOKEN,
                        "BYNINJA_TELEGRAM_ALLOWED_CHATS", String.valueOf(OWNER)));
        telegramEnv.put("BYNINJA_TELEGRAM_API_URL", api.url());
        telegramEnv.put("BYNINJA_LINK_PORT", String.valueOf(port));
        Map<String, String> botEnv = environment("byninja-trading-bot.service", "trading-bot.env.example", Map.of());
        botEnv.put("BYNINJA_LINK_PORT", String.valueOf(port));
        assertThat(telegramEnv).doesNotContainKey("BYNINJA_LINK_SECRET");
        assertThat(botEnv).doesNotContainKey("BYNINJA_LINK_SECRET").containsEntry("BYNINJA_LOG_FILE", "off");

        try (Daemon telegram = start("telegram-server", telegramEnv); Daemon bot = start("trading-bot", botEnv)) {
            try {
                await().atMost(Duration.ofSeconds(30))
                        .failFast("a daemon died", () -> !telegram.isAlive() || !bot.isAlive())
                        .until(() -> chat().stream().anyMatch(m -> Deployment.plain(m).contains("ninja connected")));
            } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
                throw new AssertionError("the bot did not connect; the chat: " + chat() + "\ntelegram-server:\n"
                        + telegram.tail() + "\ntrading-bot:\n" + bot.tail(), e);
            }

            Path secret = state.resolve("link.secret");
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(telegram.output() + bot.output()).contains("new one was created there",
                    "from the file " + secret.toAbsolutePath());
            bot.awaitOutput("database " + state.resolve("ninja-simulated-paper.db").toAbsolutePath()
                    + ": new, created empty", Duration.ofSeconds(5));
            try (Stream<Path> files = Files.walk(state)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no log file: the journal has it all")
                        .noneMatch(n -> n.endsWith(".log") || n.equals("logs"));
            }

            assertThat(signal(bot, "INT")).as("trading-bot exit code on Ctrl-C (SIGINT)").isZero();
            assertThat(telegram.terminate(Duration.ofSeconds(10))).as("telegram-server exit code on SIGTERM")
                    .isZero();
        }
    }

    @Test
    void anEnvFileCopiedWithoutItsValuesStopsTheServerWithExitCodeTwoWhichTheUnitDoesNotRestart() throws Exception {
        Map<String, String> env = environment("byninja-telegram-server.service", "telegram-server.env.example",
                Map.of());

        try (Daemon telegram = start("telegram-server", env)) {
            assertThat(telegram.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(telegram.process().exitValue()).isEqualTo(2);
            assertThat(telegram.output()).contains("@BotFather", "BYNINJA_TELEGRAM_ALLOWED_CHATS");
            assertThat(SystemdUnit.read("byninja-telegram-server.service").values("RestartPreventExitStatus"))
                    .containsExactly("2");
        }
    }

    /** @return the exit code after {@code kill -<signal>}, as a terminal's Ctrl-C would send SIGINT */
    private static int signal(Daemon daemon, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(daemon.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
        return daemon.process().exitValue();
    }
}
