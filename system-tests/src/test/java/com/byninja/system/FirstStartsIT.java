package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer reads in the first starts of the real jars: a directory the daemon may not write, a port another
 * telegram-server holds, two bots started from one directory. Each is one or two lines saying what failed, why and
 * what to check; no stack trace, no status dump of the logging library.
 */
class FirstStartsIT {

    /** A bot that needs nothing from outside: no link, no history to load. */
    private static final String QUIET_BOT = """
            name: alpha
            marketData:
              warmupBars: 0
            link:
              enabled: false
            """;

    @Test
    void aLogDirectoryTheBotMayNotWriteIsSaidInOneLineAndItLogsToTheConsole(@TempDir Path dir) throws Exception {
        Path work = openTo(dir, "bot");
        Files.writeString(work.resolve("bot.yml"), QUIET_BOT);
        Path logs = Files.createDirectory(work.resolve("logs"));
        readOnly(logs);

        try (Daemon bot = Daemon.startUnprivileged("trading-bot", Deployment.botJar(), work,
                Map.of("BYNINJA_LOG_DIR", "logs"), "--config", "bot.yml")) {
            bot.awaitOutput("alpha trading \\[BTC/USDT, ETH/USDT\\]", Duration.ofSeconds(20));

            assertThat(Daemon.messages(bot.output())).filteredOn(m -> m.startsWith("cannot write")).containsExactly(
                    "cannot write logs to " + logs.toRealPath() + ": permission denied; logging to the console only");
            assertThat(bot.output()).doesNotContain("|-ERROR", "|-INFO", "ch.qos.logback");
            assertThat(bot.terminate(Duration.ofSeconds(5))).isZero();
            assertThat(Daemon.messages(bot.output())).contains("alpha stopped by its owner (SIGTERM)");
            assertThat(logs).isEmptyDirectory();
        }
    }

    @Test
    void aLogDirectoryTheTelegramServerMayNotWriteIsSaidInOneLine(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, "")) {
            Path work = openTo(dir, "telegram");
            Path logs = Files.createDirectory(work.resolve("logs"));
            readOnly(logs);

            try (Daemon telegram = Daemon.startUnprivileged("telegram-server", Deployment.telegramJar(), work,
                    d.telegramEnv())) {
                telegram.awaitOutput("Running; trading bots connect to 127\\.0\\.0\\.1:" + d.linkPort,
                        Duration.ofSeconds(20));

                assertThat(Daemon.messages(telegram.output())).filteredOn(m -> m.startsWith("cannot write"))
                        .containsExactly("cannot write logs to " + logs.toRealPath() + ": permission denied; logging "
                                + "to the console only");
                assertThat(telegram.output()).doesNotContain("|-ERROR", "|-INFO", "ch.qos.logback");
                // The audit log's file could not be opened either: its lines go to the console, not nowhere.
                d.api.userSends(Deployment.OWNER, "/help");
                telegram.awaitOutput(" audit - [0-9T:-]+Z chat=4242 user=4242 name=\"@user4242\" via=text bots=- "
                        + "result=answered command=\"/help\"", Duration.ofSeconds(20));
                assertThat(telegram.terminate(Duration.ofSeconds(5))).isZero();
                assertThat(logs).isEmptyDirectory();
            }
        }
    }

    @Test
    void aDataDirectoryTheBotMayNotWriteStopsTheStartNamingThePathAndWhatToCheck(@TempDir Path dir)
            throws Exception {
        Path work = openTo(dir, "bot");
        Files.writeString(work.resolve("bot.yml"), QUIET_BOT);
        Path data = Files.createDirectory(work.resolve("data"));
        readOnly(data);

        try (Daemon bot = Daemon.startUnprivileged("trading-bot", Deployment.botJar(), work,
                Map.of("BYNINJA_LOG_DIR", "logs"), "--config", "bot.yml")) {
            assertThat(bot.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(bot.process().exitValue()).isEqualTo(1);
            assertThat(Daemon.messages(bot.output())).endsWith("trading-bot could not start: cannot write "
                    + data.toRealPath().resolve("alpha-simulated-paper.db.lock") + ": permission denied. Check that "
                    + "user " + Daemon.UNPRIVILEGED_USER + " may write to " + data.toRealPath()
                    + " (dataDir, BYNINJA_DATA_DIR).");
            assertThat(bot.output()).doesNotContain("\tat ", "Exception", "alert:");
        }
    }

    @Test
    void aConfigurationFileTheBotMayNotReadStopsTheStartNamingTheUserWhoMustReadIt(@TempDir Path dir)
            throws Exception {
        Path work = openTo(dir, "bot");
        Path locked = Files.writeString(work.resolve("bot.yml"), QUIET_BOT);
        Files.setPosixFilePermissions(locked, java.util.Set.of());

        try (Daemon bot = Daemon.startUnprivileged("trading-bot", Deployment.botJar(), work,
                Map.of("BYNINJA_LOG_DIR", "logs"), "--config", "bot.yml")) {
            assertThat(bot.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(bot.process().exitValue()).isEqualTo(2);
            assertThat(bot.output().strip()).isEqualTo("--config bot.yml: permission denied; let the user running the "
                    + "daemon (" + Daemon.UNPRIVILEGED_USER + ") read it");
        }
    }

    @Test
    void aLinkPortAnotherTelegramServerHoldsIsSaidOnceWithWhatToDo(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, "")) {
            d.startTelegram();
            Path work = Files.createDirectories(dir.resolve("second-telegram").resolve("config"));
            Files.copy(dir.resolve("telegram").resolve("config").resolve("telegram-server.yml"),
                    work.resolve("telegram-server.yml"));

            try (Daemon second = Daemon.start("telegram-server", Deployment.telegramJar(), work.getParent(),
                    d.telegramEnv())) {
                assertThat(second.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

                assertThat(second.process().exitValue()).isEqualTo(1);
                String said = "Cannot start: port " + d.linkPort + " on 127.0.0.1 is already in use: another "
                        + "telegram-server may be running (ss -ltnp 'sport = :" + d.linkPort + "' shows which process "
                        + "holds it). Stop it, or give this one another port with link.port or BYNINJA_LINK_PORT, and "
                        + "the trading bots the same.";
                assertThat(Daemon.messages(second.output())).containsOnlyOnce(said).endsWith(said);
                assertThat(second.output()).doesNotContain("\tat ");
            }
        }
    }

    @Test
    void twoBotsStartedFromOneDirectoryKeepTheirLogsApartByName(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("bots"));
        Files.writeString(work.resolve("bot.yml"), QUIET_BOT);

        try (Daemon alpha = Daemon.start("alpha", Deployment.botJar(), work, Map.of("BYNINJA_LOG_DIR", "logs"),
                "--config", "bot.yml");
             Daemon beta = Daemon.start("beta", Deployment.botJar(), work,
                     Map.of("BYNINJA_LOG_DIR", "logs", "BYNINJA_BOT_NAME", "beta"), "--config", "bot.yml")) {
            alpha.awaitOutput("alpha trading \\[BTC/USDT, ETH/USDT\\]", Duration.ofSeconds(20));
            beta.awaitOutput("beta trading \\[BTC/USDT, ETH/USDT\\]", Duration.ofSeconds(20));
            assertThat(alpha.terminate(Duration.ofSeconds(5))).isZero();
            assertThat(beta.terminate(Duration.ofSeconds(5))).isZero();

            try (var files = Files.list(work.resolve("logs"))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactlyInAnyOrder("trading-bot-alpha.log", "trading-bot-beta.log");
            }
            for (String name : List.of("alpha", "beta")) {
                List<String> lines = alpha.read("logs/trading-bot-" + name + ".log").lines()
                        .filter(line -> !line.startsWith(" ")).toList();
                assertThat(lines).isNotEmpty().allMatch(line -> line.matches(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ +" + name + " \\[.*"));
                assertThat(Daemon.messages(String.join("\n", lines))).contains(name + " stopped by its owner "
                        + "(SIGTERM)");
            }
        }
    }

    /** @return a working directory under {@code dir} that the unprivileged user may use */
    private static Path openTo(Path dir, String name) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(dir.resolve(name));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        return work;
    }

    private static void readOnly(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
}
