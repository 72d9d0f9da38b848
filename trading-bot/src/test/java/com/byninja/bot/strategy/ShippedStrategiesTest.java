package com.byninja.bot.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.backtest.Backtest;
import com.byninja.bot.backtest.BacktestReport;
import com.byninja.bot.backtest.data.SyntheticCandles;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strategies shipped in {@code config/strategies}, each read through {@code strategy.file} and backtested on the
 * year of docs/strategies.md ("The shipped strategies"), whose figures these are.
 */
class ShippedStrategiesTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    /** A year of hourly candles: geometric Brownian motion from seed 7, 20 % drift, 60 % volatility, from 42,000. */
    static final List<Candle> YEAR = SyntheticCandles.gbm(BTC, Instant.parse("2024-01-01T00:00:00Z"),
            Duration.ofHours(1), 8_760, 7, 20, 60, new BigDecimal("42000"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "ema-rsi-trend, 75, 24, -12.53098391, 40.85743849",
            "bollinger-reversion, 59, 35, -7.33364911, 24.95694553",
            "donchian-breakout, 182, 50, -102.16474933, 110.38124147"})
    void eachShippedStrategyReadsFromItsFileAndBacktestsToTheDocumentedFigures(String name, int trades, int wins,
                                                                               String netProfit, String maxDrawdown)
            throws Exception {
        Path file = Path.of("..", "config", "strategies", name + ".yml").toAbsolutePath().normalize();
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, """
                dataDir: %s
                symbols: [BTC/USDT]
                timeframe: 1h
                strategy:
                  file: %s
                risk:
                  stopLossPct: 3
                simulator:
                  feePct: 0.1
                  slippagePct: 0.05
                """.formatted(dir.toString().replace('\\', '/'), file.toString().replace('\\', '/')));
        BotConfig bot = new ConfigLoader(Map.of()).load(config).config();

        BacktestReport report = BacktestReport.of(new Backtest(bot, Map.of(BTC, YEAR)).run(n -> { }));

        assertThat(bot.strategy().name()).isEqualTo("rules");
        assertThat(report.stats().trades()).isEqualTo(trades);
        assertThat(report.stats().wins()).isEqualTo(wins);
        assertThat(report.netProfit()).isEqualByComparingTo(netProfit);
        assertThat(report.maxDrawdown()).isEqualByComparingTo(maxDrawdown);
    }
}
