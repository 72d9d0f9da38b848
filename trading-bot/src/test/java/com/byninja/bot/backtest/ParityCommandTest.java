package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest --replay-db} given what it cannot check: each case ends with exit 2 and one line naming the file and
 * what is wrong with it, and the file is left exactly as it was.
 */
class ParityCommandTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    Path config;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("bot.yml");
        Files.writeString(config, "symbols: [BTC/USDT]\nlink:\n  enabled: false\n");
    }

    int run(String... args) {
        return BacktestCommand.run(Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
                .toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("data/nobody.db");

        assertThat(run("--replay-db", missing.toString())).isEqualTo(2);
        assertThat(errors()).isEqualTo(missing + ": no such file" + System.lineSeparator());
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsNamed() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "these are notes, not a database; ".repeat(10));

        assertThat(run("--replay-db", text.toString())).isEqualTo(2);
        assertThat(errors()).startsWith(text + ": not a SQLite database (").hasLineCount(1);
        assertThat(Files.readString(text)).isEqualTo("these are notes, not a database; ".repeat(10));
    }

    @Test
    void anotherProgramsDatabaseIsNamed() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
        }

        assertThat(run("--replay-db", other.toString())).isEqualTo(2);
        assertThat(errors()).isEqualTo(other + ": not a trading bot's database (a SQLite file without its tables)"
                + System.lineSeparator());
    }

    @Test
    void aDatabaseOfAnOlderBotIsNamedAndNeitherMigratedNorTouched() throws Exception {
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE orders (client_order_id TEXT PRIMARY KEY)");
            st.execute("PRAGMA user_version = 2");
        }
        byte[] before = Files.readAllBytes(old);

        assertThat(run("--replay-db", old.toString())).isEqualTo(2);
        assertThat(errors()).isEqualTo(old + ": written by a bot older than the decision journal (schema version 2); "
                + "it kept no decisions to replay" + System.lineSeparator());
        assertThat(Files.readAllBytes(old)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bot.yml", "old.db");
        }
    }

    @Test
    void aDatabaseWithoutDecidedCandlesSaysSo() throws Exception {
        Path empty = dir.resolve("empty.db");
        Database.open(empty).close();

        assertThat(run("--replay-db", empty.toString())).isEqualTo(2);
        assertThat(errors()).isEqualTo(empty + ": no candle decided at any time; the bot keeps one per symbol and "
                + "closed candle (for store.decisionRetentionDays)" + System.lineSeparator());
    }

    @Test
    void aRangeWithoutDecidedCandlesSaysSo() throws Exception {
        Path db = dir.resolve("bot.db");
        try (Database d = Database.open(db)) {
            TradingStore store = new TradingStore(d);
            long session = store.startSession(T0);
            BigDecimal p = new BigDecimal("60000");
            store.recordDecision(new CandleDecision(session, new Candle(new Symbol("BTC", "USDT"), T0,
                    Duration.ofMinutes(1), p, p, p, p, BigDecimal.ONE), Action.HOLD, null, T0.plusSeconds(60)));
        }

        assertThat(run("--replay-db", db.toString(), "--from", "2026-03-03")).isEqualTo(2);
        assertThat(errors()).isEqualTo(db + ": no candle decided from 2026-03-03 on; the bot keeps one per symbol "
                + "and closed candle (for store.decisionRetentionDays)" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void candleFilesAndADatabaseAreNotReplayedTogether() {
        assertThat(run("--replay-db", "bot.db", "--data", "candles.csv")).isEqualTo(2);
        assertThat(errors().lines().toList()).isEqualTo(List.of("--replay-db: replays a bot's database, not candle "
                + "files; give --data or --sweep without it", "Try backtest --help."));
    }
}
