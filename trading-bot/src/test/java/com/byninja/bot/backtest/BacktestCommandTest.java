package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.byninja.bot.backtest.data.CandleCsvWriter;
import com.byninja.bot.backtest.data.SyntheticCandles;
import com.byninja.bot.domain.Symbol;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The backtest command as a person runs it: real files in, the summary, the report directory and the exit code. */
class BacktestCommandTest {

    @TempDir
    Path dir;
    Path config;
    Path data;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    final Logger trader = (Logger) LoggerFactory.getLogger("com.byninja.bot.engine.Trader");
    Level was;

    @AfterEach
    void logAsBefore() {
        trader.setLevel(was);
    }

    @BeforeEach
    void files() throws Exception {
        // As the command line runs it: without a progress line per candle.
        was = trader.getLevel();
        trader.setLevel(Level.WARN);
        config = dir.resolve("bt.yml");
        Files.writeString(config, """
                dataDir: %s
                symbols: [BTC/USDT]
                timeframe: 15m
                strategy:
                  name: sma-cross
                  smaCross:
                    fastPeriod: 5
                    slowPeriod: 20
                """.formatted(dir.resolve("data").toString().replace("\\", "/")));
        data = dir.resolve("BTCUSDT-1m.csv");
        // Thirty days of one-minute candles, aggregated to 2,880 quarter hours.
        CandleCsvWriter.write(data, SyntheticCandles.gbm(new Symbol("BTC", "USDT"),
                Instant.parse("2024-03-01T00:00:00Z"), Duration.ofMinutes(1), 30 * 1440, 11, 10, 70,
                new BigDecimal("60000")));
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return BacktestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRunPrintsTheSummaryAndWritesTheReportTheChartsAndTheTrades() throws Exception {
        Path report = dir.resolve("report");

        int status = run("--config", config.toString(), "--data", data.toString(), "--report", report.toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Candles: 2,880").contains("Net profit: ").contains("Report: ");
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertThat(json.path("candles").asLong()).isEqualTo(2_880);
        assertThat(json.fieldNames()).toIterable().contains("trades", "wins", "losses", "winRate", "netProfit",
                "netProfitPct", "fees", "maxDrawdown", "maxDrawdownPct", "sharpe", "sortino", "profitFactor",
                "exposurePct", "buyAndHoldPct", "startBalance", "endBalance", "perSymbol", "candlesPerSecond");
        long rows = Files.readAllLines(report.resolve("trades.csv")).size() - 1;
        assertThat(rows).isEqualTo(json.path("trades").asLong()).isPositive();
        assertThat(report.resolve("equity.png")).isNotEmptyFile();
        assertThat(report.resolve("price-BTCUSDT.png")).isNotEmptyFile();
    }

    @Test
    void theSameInputGivesTheSameReportApartFromTheSpeed() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(run("--config", config.toString(), "--data", data.toString(), "--report", a.toString())).isZero();
        assertThat(run("--config", config.toString(), "--data", data.toString(), "--report", b.toString())).isZero();

        assertThat(Files.readString(b.resolve("trades.csv"))).isEqualTo(Files.readString(a.resolve("trades.csv")));
        assertThat(withoutSpeed(b)).isEqualTo(withoutSpeed(a));
        assertThat(Files.readAllBytes(b.resolve("equity.png"))).isEqualTo(Files.readAllBytes(a.resolve("equity.png")));
    }

    @Test
    void theDateRangeKeepsTheDaysAskedFor() {
        // 2024-03-05 to 2024-03-06: two days of 96 quarter hours.
        int status = run("--config", config.toString(), "--data", data.toString(), "--from", "2024-03-05", "--to",
                "2024-03-06", "--report", dir.resolve("r").toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Candles: 192");
    }

    @Test
    void wrongArgumentsAndBadDataExitWithTwoAndSayWhat() throws Exception {
        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--data: give the candle file or directory to replay");

        assertThat(run("--data", data.toString(), "--speed", "fast")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed: unknown argument").contains("Try backtest --help.");

        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "timestamp,open,high,low,close,volume\n1709251200,1,2,0.5,1.5,3\nnot,a,row\n");
        assertThat(run("--config", config.toString(), "--data", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.csv:3");
    }

    private static String withoutSpeed(Path report) throws Exception {
        return Files.readString(report.resolve("report.json")).replaceAll("\"candlesPerSecond\" : \\d+", "");
    }
}
