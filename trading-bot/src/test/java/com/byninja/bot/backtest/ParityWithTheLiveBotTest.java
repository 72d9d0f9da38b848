package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.TradingBot;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot on its embedded simulator, with 200 ms candles and a real SQLite file, trades until it has entered and
 * exited several times; then {@code backtest --replay-db} replays its database through the same code. On the
 * simulator the two must agree on every candle; another strategy must differ exactly where a hand computation from
 * the kept closes says it does; a restart in the middle of the run, whose history the simulator invents afresh, is
 * replayed as it happened.
 */
class ParityWithTheLiveBotTest {

    /** SMA 2 crossing SMA 5 on one symbol, no stops: every position is opened and closed by the strategy. */
    static final String YAML = """
            name: %s
            symbols: [BTC/USDT]
            timeframe: 200ms
            marketData:
              pollIntervalMs: 20
              warmupBars: 30
              staleAfterMs: 2000
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: %d
                slowPeriod: %d
            risk:
              stopLossPct: 0
              takeProfitPct: 0
              trailingStopPct: 0
            engine:
              checkIntervalMs: 20
            simulator:
              tickIntervalMs: 20
              markets:
                BTC/USDT:
                  volatilityPct: 3000
            link:
              enabled: false
            """;

    @TempDir
    static Path shared;
    /** One run of the bot, read by the first two tests. */
    static Path db;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void runTheBot() throws Exception {
        BotConfig config = config(shared, "parity", 2, 5);
        runUntilExits(config, 4);
        db = config.databaseFile();
    }

    @Test
    void theReplayAgreesWithEveryDecisionTheBotMadeOnTheSimulator() throws Exception {
        Path config = configFile(shared, "parity", 2, 5);
        byte[] before = Files.readAllBytes(db);
        List<Path> files = files(db.getParent());

        int status = replay(db, config);

        // The database is read, and left as it was: nothing written, nothing created beside it.
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(files(db.getParent())).isEqualTo(files);

        long decided = count(db, "SELECT COUNT(*) FROM decisions WHERE action <> 'HISTORY'");
        long entriesAndExits = count(db, "SELECT COUNT(*) FROM decisions WHERE action IN ('ENTRY', 'EXIT')");
        long orders = count(db, "SELECT COUNT(*) FROM orders WHERE purpose IN ('ENTRY', 'EXIT')");
        assertThat(entriesAndExits).isPositive().isEqualTo(orders);
        assertThat(count(db, "SELECT COUNT(*) FROM decisions WHERE action = 'EXIT'")).isGreaterThanOrEqualTo(4);
        assertThat(status).as(text(out) + text(err)).isZero();
        assertThat(lines(out)).last().isEqualTo(String.format(Locale.ROOT,
                "%,d candles, %,d live decisions, the replay agrees with every one", decided, entriesAndExits));
        assertThat(lines(out).get(0)).isEqualTo("Replaying " + db + " with sma-cross (SMA 2 crossing SMA 5) on "
                + "200ms candles: 1 session (bot started " + LiveParity.time(sessionStarts(db).get(0))
                + "), from the history it read");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void otherStrategyPeriodsListExactlyTheCandlesWhoseActionDiffers() throws Exception {
        List<List<CandleDecision>> sessions = SmaCrossModel.sessions(db);
        // The hand computation reproduces what the bot did with its own periods, action for action...
        Map<CandleDecision, String> own = SmaCrossModel.expected(sessions, 2, 5);
        assertThat(own).allSatisfy((live, expected) -> assertThat(expected).as("%s", live)
                .isEqualTo(live.describe()));
        // ...so its answer for SMA 3 over 7 says which candles the replay must list, and what it must say of each.
        Map<CandleDecision, String> other = SmaCrossModel.expected(sessions, 3, 7);
        List<String> expected = other.entrySet().stream()
                .filter(e -> !SmaCrossModel.kind(e.getValue()).equals(SmaCrossModel.kind(e.getKey().describe())))
                .map(e -> e.getKey().symbol() + " " + LiveParity.time(e.getKey().candle().start()) + "  live: "
                        + e.getKey().describe() + "  replay: " + e.getValue())
                .toList();
        assertThat(expected).isNotEmpty();

        int status = replay(db, configFile(dir, "parity", 3, 7));

        assertThat(status).as(text(out) + text(err)).isEqualTo(1);
        assertThat(lines(out).stream().filter(l -> l.startsWith("BTC/USDT ")).toList())
                .containsExactlyElementsOf(expected);
        long entriesAndExits = count(db, "SELECT COUNT(*) FROM decisions WHERE action IN ('ENTRY', 'EXIT')");
        assertThat(text(out)).contains(String.format(Locale.ROOT, "%,d difference(s) in %,d candles (%,d live "
                + "decisions)", expected.size(), own.size(), entriesAndExits), LiveParity.EXPECTED_DIFFERENCES);
    }

    @Test
    void aRestartInTheMiddleOfTheRunIsReplayedFromTheHistoryItReadAgain() throws Exception {
        BotConfig config = config(dir, "restarted", 2, 5);
        runUntilExits(config, 2);
        runUntilExits(config, 4);
        Path restarted = config.databaseFile();
        List<List<CandleDecision>> sessions = SmaCrossModel.sessions(restarted);
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1)).anyMatch(d -> d.action() == Action.EXIT);
        // The simulator walks its history back from the price of the restart: the second session's series starts
        // from candles other than those the first one decided on, so replaying the run as one session would not do.
        Map<Object, CandleDecision> decidedFirst = sessions.get(0).stream().filter(d -> d.action() != Action.HISTORY)
                .collect(Collectors.toMap(d -> d.candle().start(), d -> d));
        assertThat(sessions.get(1)).filteredOn(d -> d.action() == Action.HISTORY)
                .anyMatch(h -> decidedFirst.containsKey(h.candle().start())
                        && !Objects.equals(decidedFirst.get(h.candle().start()).candle(), h.candle()));
        assertThat(SmaCrossModel.expected(sessions, 2, 5)).allSatisfy((live, expected) ->
                assertThat(expected).as("%s", live).isEqualTo(live.describe()));

        int status = replay(restarted, configFile(dir, "restarted", 2, 5));

        assertThat(status).as(text(out) + text(err)).isZero();
        List<java.time.Instant> starts = sessionStarts(restarted);
        assertThat(lines(out).get(0)).endsWith("2 sessions (bot started " + LiveParity.time(starts.get(0)) + ", "
                + LiveParity.time(starts.get(1)) + "), each from the history it read");
        assertThat(lines(out)).last().asString().endsWith("the replay agrees with every one");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static BotConfig config(Path data, String name, int fast, int slow) {
        return TestConfigs.config(data, YAML.formatted(name, fast, slow));
    }

    /** The same configuration as a file, as a person passes it to the command. */
    static Path configFile(Path data, String name, int fast, int slow) throws Exception {
        Path file = data.resolve(name + "-" + fast + "-" + slow + ".yml");
        Files.writeString(file, "dataDir: " + data.toString().replace("\\", "/") + "\n"
                + YAML.formatted(name, fast, slow));
        return file;
    }

    /** Runs the bot until its database holds {@code exits} filled exits, then stops it. */
    static void runUntilExits(BotConfig config, int exits) throws Exception {
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(config.databaseFile(),
                            "SELECT COUNT(*) FROM orders WHERE purpose = 'EXIT' AND status = 'FILLED'") >= exits);
            assertThat(bot.engine().errors()).isZero();
        }
    }

    int replay(Path database, Path configFile) {
        return BacktestCommand.run(new String[] {"--replay-db", database.toString(), "--config",
            configFile.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Reads the database beside the bot, as a second SQLite reader. */
    static long count(Path database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static List<java.time.Instant> sessionStarts(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rs = c.createStatement().executeQuery("SELECT started_at FROM decision_sessions ORDER BY id")) {
            List<java.time.Instant> starts = new java.util.ArrayList<>();
            while (rs.next()) {
                starts.add(java.time.Instant.ofEpochMilli(rs.getLong(1)));
            }
            return starts;
        }
    }

    static List<Path> files(Path dir) throws Exception {
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    static List<String> lines(ByteArrayOutputStream stream) {
        return text(stream).lines().toList();
    }
}
