package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in a JVM of its own as users run it. */
class MainTest {

    @TempDir
    Path dir;

    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("BYNINJA_LOG_DIR", dir.resolve("logs").toString());
        return pb.start();
    }

    String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Process p = start("--help");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(read("out.txt")).startsWith("Usage: java -jar trading-bot.jar [--config FILE] [--help]");
    }

    @Test
    void anInvalidConfigurationExitsTwoWithOneLinePerProblemAtItsLine() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), """
                risk:
                  stopLossPct: 150
                  stoplossPct: 2
                timeframe: soon
                """);

        Process p = start("--config", "bad.yml");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read("err.txt").lines()).containsExactly(
                "bad.yml:2: risk.stopLossPct: must be between 0 and 100, got 150",
                "bad.yml:3: risk.stoplossPct: unknown key; did you mean risk.stopLossPct?",
                "bad.yml:4: timeframe: must be a number and a unit (ms, s, m, h or d) such as 1m or 5s, got \"soon\"");
    }

    @Test
    void aBadRulesExpressionExitsTwoNamingItsLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("rules.yml"), """
                strategy:
                  name: rules
                  rules:
                    entry: "crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14 < 70"
                    exit: "rsi(close, 14)"
                """);

        Process p = start("--config", "rules.yml");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read("err.txt").lines()).containsExactly(
                "rules.yml:4: strategy.rules.entry: column 65: expected ',' or ')' but the text ended",
                "rules.yml:5: strategy.rules.exit: column 1: expected a rule such as a comparison "
                        + "(rsi(close, 14) < 30), crossedUp, crossedDown, rising or falling, got the number "
                        + "rsi(close, 14)");
    }

    @Test
    void badProtectionsExitTwoWithOneLinePerProblemAtItsLine() throws Exception {
        Files.writeString(dir.resolve("locks.yml"), """
                protections:
                  cooldownCandles: many
                  stopLossGuard:
                    stopLosses: 3
                    lock: 6 hours
                """);

        Process p = start("--config", "locks.yml");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read("err.txt").lines()).containsExactly(
                "locks.yml:2: protections.cooldownCandles: must be a whole number between 0 and 10000, got \"many\"",
                "locks.yml:5: protections.stopLossGuard.lock: must be a number and a unit (ms, s, m, h or d) such as "
                        + "6h or 1d, got \"6 hours\"");
    }

    @Test
    void aDirectoryGivenAsTheConfigurationExitsTwoSayingWhichFileToGive() throws Exception {
        Files.createDirectory(dir.resolve("config"));

        Process p = start("--config", "config");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read("err.txt").lines()).containsExactly(
                "--config config: is a directory; give a YAML file such as config/trading-bot.yml");
    }

    @Test
    void anUnknownArgumentExitsTwo() throws Exception {
        Process p = start("--verbose");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read("err.txt")).startsWith("--verbose: unknown argument");
    }

    @Test
    void sigtermStopsTheBotAndExitsZeroWithinFiveSecondsSayingWhoStoppedIt() throws Exception {
        Path config = Files.writeString(dir.resolve("bot.yml"), """
                link:
                  enabled: false
                marketData:
                  warmupBars: 0
                """);
        Process p = start("--config", config.toString());
        Path log = dir.resolve("logs").resolve("trading-bot-ninja.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && read("logs/trading-bot-ninja.log")
                .contains("trading [BTC/USDT, ETH/USDT] on 1m candles"));

        long start = System.nanoTime();
        p.destroy();

        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(p.exitValue()).isZero();
        assertThat(messages(read("logs/trading-bot-ninja.log"))).containsSubsequence(
                "stop requested by its owner (SIGTERM): shutting ninja down",
                "alert: Stopped by its owner (SIGTERM); 0 open positions kept",
                "ninja stopped by its owner (SIGTERM)");
        assertThat(Files.exists(dir.resolve("data").resolve("ninja-simulated-paper.db"))).isTrue();
    }

    @Test
    void theLogFileAndEveryLineCarryTheBotsNameAndTheConfigurationIsShownAsYaml() throws Exception {
        Files.writeString(dir.resolve("bot.yml"), """
                name: gamma
                link:
                  enabled: false
                marketData:
                  warmupBars: 0
                """);
        Process p = start("--config", "bot.yml");
        Path log = dir.resolve("logs").resolve("trading-bot-gamma.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && read("logs/trading-bot-gamma.log")
                .contains("trading [BTC/USDT, ETH/USDT] on 1m candles"));
        p.destroy();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<String> lines = read("logs/trading-bot-gamma.log").lines().toList();
        assertThat(lines.get(0)).endsWith(" INFO  gamma [main] com.byninja.bot.Main - starting trading-bot dev with "
                + "configuration from bot.yml (secrets masked):");
        assertThat(lines.subList(1, 5)).containsExactly("  name: gamma", "  exchange:", "    type: simulated",
                "    mode: paper");
        assertThat(lines).filteredOn(line -> !line.startsWith(" "))
                .allMatch(line -> line.matches(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ +gamma \\[.*"));
        assertThat(read("out.txt")).isEqualTo(read("logs/trading-bot-gamma.log"));
        assertThat(dir.resolve("logs").resolve("trading-bot.log")).doesNotExist();
    }

    @Test
    void anUnreachableExchangeStopsTheStartWithOneLineNamingTheAddressAndWhatToCheck() throws Exception {
        Files.writeString(dir.resolve("bot.yml"), """
                exchange:
                  type: binance
                  baseUrl: https://api.binance.invalid
                  readRetries: 0
                link:
                  enabled: false
                """);

        Process p = start("--config", "bot.yml");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(read("out.txt").lines().filter(line -> !line.startsWith(" ")).map(MainTest::message))
                .endsWith("trading-bot could not start: cannot reach binance at https://api.binance.invalid: unknown "
                        + "host api.binance.invalid. Check exchange.baseUrl and this machine's network (DNS, proxy, "
                        + "firewall).")
                .noneMatch(line -> line.startsWith("alert:"));
        assertThat(read("out.txt")).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aBotThatFailsToStartClaimsNoStopAndSaysWhatWasInTheWay() throws Exception {
        Files.writeString(dir.resolve("blocker"), "a file where the secret's directory should be");
        Files.writeString(dir.resolve("bot.yml"), """
                link:
                  secretFile: blocker/link.secret
                marketData:
                  warmupBars: 0
                """);

        Process p = start("--config", "bot.yml");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(messages(read("out.txt"))).noneMatch(line -> line.startsWith("alert:"))
                .endsWith("trading-bot could not start: cannot write " + dir.toRealPath().resolve("blocker")
                        + ": a file is in the way where a directory is needed. Check that user "
                        + System.getProperty("user.name") + " may write to " + dir.toRealPath()
                        + " (link.secretFile, or BYNINJA_LINK_SECRET).");
    }

    /** @return the message of each log line, without the time, level, name, thread and logger before it */
    private static List<String> messages(String log) {
        return log.lines().filter(line -> !line.startsWith(" ")).map(MainTest::message).toList();
    }

    private static String message(String line) {
        int dash = line.indexOf(" - ");
        return dash < 0 ? line : line.substring(dash + 3);
    }
}
