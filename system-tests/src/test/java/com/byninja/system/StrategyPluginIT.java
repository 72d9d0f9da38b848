package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example strategy plug-in (examples/strategy-plugin, built by Maven before these tests) dropped as its jar into
 * the {@code plugins/} directory of a bot's working directory, as docs/strategies.md tells a user to: the real
 * trading-bot jar finds it there, backtests it and trades it on the simulator, and names it when it is misspelt.
 */
class StrategyPluginIT {

    private static final Path EXAMPLE_JAR = exampleJar();

    /** The example's breakout on 3 candles with a stop at the lowest low of 2, and no stop of the bot's own. */
    private static final String BREAKOUT = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: breakout
              params:
                entryBars: 3
                stopBars: 2
            risk:
              stakeAmount: 100
              stopLossPct: 0
              takeProfitPct: 0
              trailingStopPct: 0
            simulator:
              feePct: 0.1
              slippagePct: 0
            """;

    /**
     * Highs of 101 for three candles, then a close of 102 above them: the plug-in enters, the buy fills at the next
     * open (102). From each close on it sets its stop at the lowest low of the last two candles: 100, 101, 102, 103.
     * The ninth candle opens at 104 and falls to 101: the stop it raised to 103 sells there. The first stop, 100, is
     * never touched.
     */
    private static final String CANDLES = """
            timestamp,open,high,low,close,volume
            1704067200000,100,101,99,100,1
            1704067260000,100,101,99,100,1
            1704067320000,100,101,99,100,1
            1704067380000,100,103,100,102,1
            1704067440000,102,104,101,103,1
            1704067500000,103,106,102,105,1
            1704067560000,105,108,104,107,1
            1704067620000,107,108,103,104,1
            1704067680000,104,105,101,102,1
            1704067740000,102,102,100,101,1
            """;

    private static Path exampleJar() {
        String configured = System.getProperty("byninja.examplePluginJar");
        return Path.of(configured != null ? configured
                : "../examples/strategy-plugin/target/breakout-strategy.jar");
    }

    /** @return a working directory with the example's jar in {@code plugins/}, as a user installs it */
    private static Path withPlugin(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(EXAMPLE_JAR, plugins.resolve("breakout-strategy.jar"));
        return dir;
    }

    @Test
    void theBacktestCommandRunsThePlugInFromThePluginsDirectoryAndItsRaisedStopSells(@TempDir Path dir)
            throws Exception {
        Path work = withPlugin(dir);
        Files.writeString(work.resolve("backtest.yml"), BREAKOUT);
        Files.writeString(work.resolve("candles.csv"), CANDLES);

        try (Daemon backtest = Daemon.start("backtest", Deployment.botJar(), work, Map.of("BYNINJA_LOG_DIR", "logs"),
                "backtest", "--config", "backtest.yml", "--data", "candles.csv", "--report", "report")) {
            assertThat(backtest.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(backtest.process().exitValue()).as(backtest.tail()).isZero();
            assertThat(backtest.output()).contains("Backtest of breakout (breakout above the highest high of 3 "
                    + "candles, stop at the lowest low of 2) on 1m candles");
        }
        List<String> trades = Files.readAllLines(work.resolve("report").resolve("trades.csv"),
                StandardCharsets.UTF_8);
        // 100 USDT at 102 buys 0.98039215 BTC (rounded down to 8 decimals) for 99.9999993; sold at 103 for
        // 100.98039145. The paper wallet's fees of 0.1 %, rounded up to 8 decimals: 0.1 and 0.1009804. PnL:
        // 100.98039145 - 99.9999993 - 0.2009804 = 0.77941175. Sold at the candle's low, a millisecond after its open.
        assertThat(trades).containsExactly(
                "symbol,entryTime,entryPrice,exitTime,exitPrice,quantity,fees,pnl,exitReason",
                "BTC/USDT,2024-01-01T00:04:00Z,102,2024-01-01T00:08:00.001Z,103,0.98039215,0.2009804,0.77941175,"
                        + "stop-loss");
    }

    @Test
    void theBotTradesThePlugInOnTheSimulator(@TempDir Path dir) throws Exception {
        Path work = withPlugin(dir);
        Files.writeString(work.resolve("bot.yml"), """
                name: plugged
                timeframe: 300ms
                marketData:
                  pollIntervalMs: 50
                  warmupBars: 0
                strategy:
                  name: breakout
                  params:
                    entryBars: 3
                    stopBars: 2
                simulator:
                  tickIntervalMs: 30
                  defaultMarket:
                    volatilityPct: 3000
                link:
                  enabled: false
                """);

        try (Daemon bot = Daemon.start("trading-bot", Deployment.botJar(), work, Map.of("BYNINJA_LOG_DIR", "logs"),
                "--config", "bot.yml")) {
            bot.awaitOutput("plugged trading \\[BTC/USDT, ETH/USDT\\] on 300ms candles with breakout \\(breakout "
                    + "above the highest high of 3 candles, stop at the lowest low of 2\\)", Duration.ofSeconds(20));
            // Its own explanation on each candle once warmed up, then an entry and the stop it sets on the position.
            bot.awaitOutput("candle closed at [0-9.]+: close [0-9.]+ against the 3-candle high [0-9.]+: enters on a "
                    + "close above it", Duration.ofSeconds(20));
            bot.awaitOutput("(BTC|ETH)/USDT: breakout sets its stop at [0-9.]+", Duration.ofSeconds(60));
            assertThat(bot.output()).doesNotContain("strategy breakout failed");
            assertThat(bot.terminate(Duration.ofSeconds(10))).isZero();
        }
    }

    @Test
    void aMisspeltPlugInNameStopsTheStartNamingThePlugInsFound(@TempDir Path dir) throws Exception {
        Path work = withPlugin(dir);
        Files.writeString(work.resolve("bot.yml"), "strategy:\n  name: braekout\nlink:\n  enabled: false\n");

        try (Daemon bot = Daemon.start("trading-bot", Deployment.botJar(), work, Map.of("BYNINJA_LOG_DIR", "logs"),
                "--config", "bot.yml")) {
            assertThat(bot.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bot.process().exitValue()).isEqualTo(2);
            assertThat(bot.output().lines()).containsExactly("bot.yml:2: strategy.name: must be sma-cross, rsi, "
                    + "rules or breakout (plugins/breakout-strategy.jar), got \"braekout\"; did you mean breakout?");
        }
    }
}
