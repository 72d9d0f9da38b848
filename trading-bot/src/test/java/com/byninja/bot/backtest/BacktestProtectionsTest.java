package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each protection in a backtest, on candles a person can follow. The rules strategy wants to buy on every candle
 * ({@code close > 0}) and never sells of its own; the stop-loss is 5 %. Every candle after the first opens at 100,
 * dips to 90 and closes at 100: a position bought at an open (100) is stopped out in the same candle at 95, a
 * millisecond after the open. Each such trade loses 100 * 0.001 + 95 * 0.001 in fees and 5 in price:
 * 95 - 0.095 - 100 - 0.1 = -5.195 USDT. Without a protection the strategy therefore buys at the open of every candle
 * and is stopped out in it: entry, stop-loss, entry on consecutive candles.
 */
class BacktestProtectionsTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String CONFIG = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: rules
              rules:
                entry: "close > 0"
                exit: "close < 0"
            risk:
              stakeAmount: 100
              stopLossPct: 5
              takeProfitPct: 0
              trailingStopPct: 0
              dailyLossLimit: 0
            simulator:
              feePct: 0.1
              slippagePct: 0
            protections:
            """;

    @TempDir
    Path dir;

    /** A flat candle at 100, then {@code dips} candles that open at 100, dip to 90 and close at 100. */
    static List<Candle> dips(int dips) {
        List<Candle> candles = new ArrayList<>();
        BigDecimal hundred = BigDecimal.valueOf(100);
        candles.add(new Candle(BTC, T0, Duration.ofMinutes(1), hundred, hundred, hundred, hundred, BigDecimal.ONE));
        for (int i = 1; i <= dips; i++) {
            candles.add(new Candle(BTC, T0.plusSeconds(60L * i), Duration.ofMinutes(1), hundred, hundred,
                    BigDecimal.valueOf(90), hundred, BigDecimal.ONE));
        }
        return candles;
    }

    BacktestResult run(String protections) throws Exception {
        BotConfig config = TestConfigs.config(dir, CONFIG + protections.indent(2));
        return new Backtest(config, Map.of(BTC, dips(10))).run(n -> { });
    }

    /** @return the minutes after T0 at which the strategy's entries were decided (and filled, at that open). */
    static List<Long> entryMinutes(BacktestResult r) {
        return r.orders().stream().filter(o -> o.purpose() == Purpose.ENTRY)
                .map(o -> Duration.between(T0, o.createdAt()).toMinutes()).toList();
    }

    static BigDecimal realised(BacktestResult r) {
        return r.trades().stream().map(ClosedTrade::realisedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void withoutACooldownTheStrategyBuysOnTheCandleAfterEachStopLoss() throws Exception {
        BacktestResult r = run("cooldownCandles: 0");

        // Decided at each close from 00:01 to 00:11; the last waits for an 00:11 open that never comes.
        assertThat(entryMinutes(r)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(r.trades()).hasSize(10).allSatisfy(t -> {
            assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
            assertThat(t.realisedPnl()).isEqualByComparingTo("-5.195");
        });
        ClosedTrade first = r.trades().get(0);
        assertThat(first.closedAt()).isEqualTo(Instant.parse("2024-01-01T00:01:00.001Z"));
        assertThat(realised(r)).isEqualByComparingTo("-51.95");
    }

    @Test
    void aCooldownOfOneCandleSkipsTheCandleOfTheStopAndBuysOnlyOnEverySecondCandle() throws Exception {
        BacktestResult r = run("cooldownCandles: 1");

        // Stopped out at 00:01:00.001, in the candle closing at 00:02: that close's signal is refused, the one at
        // 00:03 buys. Entries at 00:01, 00:03, 00:05, 00:07, 00:09, 00:11 (waiting): one candle later each time.
        assertThat(entryMinutes(r)).containsExactly(1L, 3L, 5L, 7L, 9L, 11L);
        assertThat(r.trades()).hasSize(5);
        // 5 * -5.195
        assertThat(realised(r)).isEqualByComparingTo("-25.975");
    }

    @Test
    void aCooldownOfNCandlesWaitsExactlyNCandles() throws Exception {
        BacktestResult r = run("cooldownCandles: 2");

        // The closes of 00:02 and 00:03 are refused after the stop at 00:01:00.001, 00:04 buys; after the stop at
        // 00:10:00.001, the closes of 00:11 and 00:12 would be (there are none).
        assertThat(entryMinutes(r)).containsExactly(1L, 4L, 7L, 10L);
        assertThat(r.trades()).hasSize(4);
        assertThat(realised(r)).isEqualByComparingTo("-20.78");
    }

    @Test
    void theStopLossGuardLocksTheSymbolFromItsSecondStopForItsLockRoundedUpToACandle() throws Exception {
        BacktestResult r = run("""
                cooldownCandles: 0
                stopLossGuard:
                  stopLosses: 2
                  window: 10m
                  lock: 5m
                """);

        // Stops at 00:01:00.001 and 00:02:00.001: locked until 00:07:00.001, rounded up to 00:08. The closes of 00:03
        // to 00:07 are refused; 00:08 buys. Its stop at 00:08:00.001 is the third within 10 minutes: locked until
        // 00:14.
        assertThat(entryMinutes(r)).containsExactly(1L, 2L, 8L);
        assertThat(r.trades()).extracting(ClosedTrade::closedAt).containsExactly(
                Instant.parse("2024-01-01T00:01:00.001Z"), Instant.parse("2024-01-01T00:02:00.001Z"),
                Instant.parse("2024-01-01T00:08:00.001Z"));
    }

    @Test
    void theMaxDrawdownLockReadsTheRealisedEquityAgainstItsHighInTheWindow() throws Exception {
        // From 10000: -5.195 is 0.05195 % below it, -10.39 is 0.1039 %, -15.585 is 0.15585 %.
        BacktestResult atTwo = run("""
                cooldownCandles: 0
                maxDrawdownLock:
                  drawdownPct: 0.1
                  window: 1h
                  lock: 5m
                """);
        BacktestResult atThree = run("""
                cooldownCandles: 0
                maxDrawdownLock:
                  drawdownPct: 0.15
                  window: 1h
                  lock: 5m
                """);

        // 0.1 %: locked by the second stop (00:02:00.001) until 00:08, then again by the third (00:08:00.001).
        assertThat(entryMinutes(atTwo)).containsExactly(1L, 2L, 8L);
        // 0.15 %: locked by the third stop (00:03:00.001) until 00:09; the fourth (00:09:00.001) locks again.
        assertThat(entryMinutes(atThree)).containsExactly(1L, 2L, 3L, 9L);
        assertThat(realised(atThree)).isEqualByComparingTo("-20.78");
    }

    @Test
    void theLowProfitLockLocksASymbolWhoseTradesLostTooMuchOfWhatTheyCost() throws Exception {
        // One trade lost 5.195 of the 100.1 its entry cost: 5.19 %.
        BacktestResult locked = run("""
                cooldownCandles: 0
                lowProfitLock:
                  lossPct: 5
                  window: 1h
                  lock: 5m
                """);
        BacktestResult notLocked = run("""
                cooldownCandles: 0
                lowProfitLock:
                  lossPct: 5.2
                  window: 1h
                  lock: 5m
                """);

        // Locked from the first stop (00:01:00.001) until 00:07; the trade bought at 00:07 makes it 10.39 lost of
        // 200.2, 5.19 % again: locked until 00:13.
        assertThat(entryMinutes(locked)).containsExactly(1L, 7L);
        assertThat(entryMinutes(notLocked)).hasSize(11);
    }

    @Test
    void theSameCandlesGiveTheSameLocksAndTradesEveryTime() throws Exception {
        String all = """
                cooldownCandles: 1
                stopLossGuard:
                  stopLosses: 3
                  window: 10m
                  lock: 3m
                lowProfitLock:
                  lossPct: 10
                  window: 1h
                  lock: 2m
                """;
        BacktestResult first = run(all);
        BacktestResult second = run(all);

        // The cooldowns of 00:01 and 00:03 each refuse one close; the third stop (00:05:00.001) within 10 minutes
        // locks until 00:08:00.001, rounded up to 00:09; the low-profit lock never trips (each trade lost 5.19 %).
        assertThat(entryMinutes(first)).containsExactly(1L, 3L, 5L, 9L);
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.trades()).isEqualTo(first.trades());
    }
}
