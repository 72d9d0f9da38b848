package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.PluginJars;
import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plug-in (examples/strategy-plugin, compiled from its sources into a jar of a plug-in directory) in
 * backtests on candles a person can follow: it enters on a close above the highest high of the 3 candles before, and
 * holds with its stop at the lowest low of the last 2 candles. The stop is applied where the configured stop-loss is:
 * at its level when a candle's low reaches it, at the open when the candle opens below it. No configured stop-loss,
 * take-profit or trailing stop; the fee is 0.1 %, no slippage.
 */
class PluginBacktestTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    static Path dir;
    static Path plugins;

    @BeforeAll
    static void buildTheExample() throws IOException {
        Path sources = Path.of("..", "examples", "strategy-plugin", "src", "main");
        Map<String, String> java = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(sources.resolve("java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = sources.resolve("java").relativize(f).toString().replace('\\', '/');
                java.put(name.substring(0, name.length() - ".java".length()).replace('/', '.'), Files.readString(f));
            }
        }
        plugins = dir.resolve("plugins");
        PluginJars.write(plugins.resolve("breakout-strategy.jar"), Files.readString(sources.resolve("resources")
                .resolve(PluginJars.SERVICE_FILE)), java);
    }

    static BotConfig config() {
        return TestConfigs.config(dir, """
                symbols: [BTC/USDT]
                timeframe: 1m
                strategy:
                  name: breakout
                  pluginDir: %s
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
                """.formatted(plugins));
    }

    static Candle candle(int minute, String open, String high, String low, String close) {
        return new Candle(BTC, T0.plusSeconds(60L * minute), Duration.ofMinutes(1), new BigDecimal(open),
                new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    /**
     * Three candles with highs of 101, a close of 102 above them (the entry signal), then four candles whose lows
     * rise: the buy fills at 102, the fifth candle's open, and the stop follows the lowest low of the last two
     * candles from each close: 100, 101, 102, 103.
     */
    static List<Candle> breakoutThen(Candle... after) {
        List<Candle> c = new ArrayList<>(List.of(
                candle(0, "100", "101", "99", "100"),
                candle(1, "100", "101", "99", "100"),
                candle(2, "100", "101", "99", "100"),
                candle(3, "100", "103", "100", "102"),
                candle(4, "102", "104", "101", "103"),
                candle(5, "103", "106", "102", "105"),
                candle(6, "105", "108", "104", "107"),
                candle(7, "107", "108", "103", "104")));
        c.addAll(List.of(after));
        return c;
    }

    static List<ClosedTrade> run(List<Candle> candles) throws Exception {
        return new Backtest(config(), Map.of(BTC, candles)).run(n -> { }).trades();
    }

    @Test
    void theStopRaisedFromCandleToCandleSellsAtItsLevelWhenALowReachesIt() throws Exception {
        // The ninth candle opens at 104, above the stop of 103, and its low of 101 reaches it. The first stop, 100,
        // is never touched: only the raised one can sell here.
        List<ClosedTrade> trades = run(breakoutThen(candle(8, "104", "105", "101", "102"),
                candle(9, "102", "102", "100", "101")));

        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.entryCost().divide(t.quantity(), MathContext.DECIMAL64))
                    .isEqualByComparingTo("102");
            assertThat(t.openedAt()).isEqualTo(T0.plusSeconds(4 * 60));
            assertThat(t.exitPrice()).isEqualByComparingTo("103");
            assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
            // At the candle's low, which the replay puts a millisecond after its open.
            assertThat(t.closedAt()).isEqualTo(T0.plusSeconds(8 * 60).plusMillis(1));
        });
    }

    @Test
    void aCandleThatOpensBelowTheStopSellsAtTheOpen() throws Exception {
        List<ClosedTrade> trades = run(breakoutThen(candle(8, "102.5", "103", "101", "102")));

        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.exitPrice()).isEqualByComparingTo("102.5");
            assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
            assertThat(t.closedAt()).isEqualTo(T0.plusSeconds(8 * 60));
        });
    }

    @Test
    void whileTheLowsStayAboveTheStopThePositionStaysOpen() throws Exception {
        List<ClosedTrade> trades = run(breakoutThen(candle(8, "104", "105", "103.5", "105")));

        assertThat(trades).isEmpty();
    }
}
