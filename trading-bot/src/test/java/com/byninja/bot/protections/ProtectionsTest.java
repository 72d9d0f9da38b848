package com.byninja.bot.protections;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EntryLock.Kind;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protections' rules on trades whose times and PnL a person can check: which lock each close calls for. */
class ProtectionsTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    Protections protections(String timeframe, String yaml) {
        BotConfig config = TestConfigs.config(dir, "timeframe: " + timeframe + "\nprotections:\n" + yaml.indent(2));
        return new Protections(config.protections(), config.timeframe());
    }

    /** A trade of {@code symbol} whose entry cost 100 plus a fee of {@code fee}, closed {@code at} with {@code pnl}. */
    static ClosedTrade trade(Symbol symbol, Instant at, Purpose why, String pnl) {
        return new ClosedTrade(symbol, BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("0.1"),
                new BigDecimal("95"), new BigDecimal("0.095"), new BigDecimal(pnl), at.minusSeconds(600), at, why,
                "s-" + at.toEpochMilli());
    }

    static List<EntryLock> close(Protections p, ClosedTrade t, String equity) {
        return p.onTradeClosed(t, true, () -> new BigDecimal(equity));
    }

    @Test
    void aCooldownEndsNCandlesAfterTheCandleInWhichThePositionClosed() {
        Protections p = protections("1m", "cooldownCandles: 2");

        // Closed at 10:03:20, in the candle closing at 10:04: the closes of 10:04 and 10:05 are locked, 10:06 is not.
        List<EntryLock> locks = close(p, trade(BTC, T0.plusSeconds(200), Purpose.STOP_LOSS, "-5"), "0");

        assertThat(locks).containsExactly(new EntryLock(Kind.COOLDOWN, BTC, T0.plusSeconds(200),
                Instant.parse("2026-03-01T10:06:00Z"), "its position closed at 10:03:20 UTC by the stop-loss; "
                + "cooldown 2 candles of 1m"));
    }

    @Test
    void aPositionClosedOnACandleBoundaryBelongsToTheCandleStartingThere() {
        Protections hourly = protections("1h", "cooldownCandles: 1");

        // A strategy exit decided at the 10:00 close fills at 10:00: the 11:00 close is locked, 12:00 is not.
        assertThat(close(hourly, trade(ETH, T0, Purpose.EXIT, "1"), "0")).singleElement()
                .satisfies(l -> assertThat(l.until()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z")));
    }

    @Test
    void aPartialSellStartsNoCooldownAndZeroCandlesTurnItOff() {
        Protections p = protections("1m", "cooldownCandles: 1");
        Protections off = protections("1m", "cooldownCandles: 0");

        assertThat(p.onTradeClosed(trade(BTC, T0, Purpose.EXIT, "1"), false, () -> BigDecimal.ZERO)).isEmpty();
        assertThat(close(off, trade(BTC, T0, Purpose.STOP_LOSS, "-5"), "0")).isEmpty();
        assertThat(off.any()).isFalse();
    }

    @Test
    void theStopLossGuardCountsStopsWithinItsWindowOnTheSymbolOnly() {
        Protections p = protections("1m", """
                cooldownCandles: 0
                stopLossGuard:
                  stopLosses: 3
                  window: 1h
                  lock: 30m
                  perSymbol: true
                """);

        // Exactly an hour before the third stop: outside the window. A trailing stop at a profit, a take-profit and
        // an ETH stop do not count.
        assertThat(close(p, trade(BTC, T0, Purpose.STOP_LOSS, "-5"), "0")).isEmpty();
        assertThat(close(p, trade(BTC, T0.plusSeconds(600), Purpose.STOP_LOSS, "-5"), "0")).isEmpty();
        assertThat(close(p, trade(BTC, T0.plusSeconds(700), Purpose.TRAILING_STOP, "2"), "0")).isEmpty();
        assertThat(close(p, trade(BTC, T0.plusSeconds(800), Purpose.TAKE_PROFIT, "4"), "0")).isEmpty();
        assertThat(close(p, trade(ETH, T0.plusSeconds(900), Purpose.STOP_LOSS, "-5"), "0")).isEmpty();
        assertThat(close(p, trade(BTC, T0.plusSeconds(3600), Purpose.STOP_LOSS, "-5"), "0")).isEmpty();
        // A trailing stop at a loss counts: three within the hour to 11:05:10 (10:10, 11:00, 11:05:10).
        List<EntryLock> locks = close(p, trade(BTC, T0.plusSeconds(3910), Purpose.TRAILING_STOP, "-1"), "0");

        // 11:05:10 + 30 min = 11:35:10, rounded up to the candle: 11:36.
        assertThat(locks).containsExactly(new EntryLock(Kind.STOP_LOSS_GUARD, BTC, T0.plusSeconds(3910),
                Instant.parse("2026-03-01T11:36:00Z"), "3 stop-losses on BTC/USDT within 1h, the last at 11:05:10 UTC"));
    }

    @Test
    void theStopLossGuardLocksEverySymbolWhenItIsNotPerSymbol() {
        Protections p = protections("5m", """
                cooldownCandles: 0
                stopLossGuard:
                  stopLosses: 2
                  window: 1d
                  lock: 6h
                  perSymbol: false
                """);

        close(p, trade(ETH, T0, Purpose.STOP_LOSS, "-5"), "0");
        List<EntryLock> locks = close(p, trade(BTC, T0.plusSeconds(60), Purpose.STOP_LOSS, "-5"), "0");

        assertThat(locks).containsExactly(new EntryLock(Kind.STOP_LOSS_GUARD, null, T0.plusSeconds(60),
                Instant.parse("2026-03-01T16:05:00Z"), "2 stop-losses within 1d, the last on BTC/USDT at 10:01 UTC"));
    }

    @Test
    void theMaxDrawdownLockComparesTheEquityNowWithTheHighestPointOfItsTrackInTheWindow() {
        Protections p = protections("1m", """
                cooldownCandles: 0
                maxDrawdownLock:
                  drawdownPct: 7
                  window: 2d
                  lock: 12h
                """);

        // Three days ago, -1000 from 11000 to 10000: 9.09 %, a lock long ended. It is outside the window of the
        // trades that follow: +100, -300, -400, each with the equity after it.
        assertThat(close(p, trade(BTC, T0.minus(Duration.ofDays(3)), Purpose.STOP_LOSS, "-1000"), "10000"))
                .extracting(EntryLock::kind).containsExactly(Kind.MAX_DRAWDOWN);
        assertThat(close(p, trade(BTC, T0, Purpose.EXIT, "100"), "10100")).isEmpty();
        assertThat(close(p, trade(ETH, T0.plusSeconds(60), Purpose.STOP_LOSS, "-300"), "9800")).isEmpty();
        // The track: 10000 before the window's first trade, 10100, 9800, 9400. 700 below the high of 10100 is
        // 6.93 %: under 7.
        assertThat(close(p, trade(BTC, T0.plusSeconds(120), Purpose.STOP_LOSS, "-400"), "9400")).isEmpty();
        // 9390 is 710 below: 7.03 %.
        List<EntryLock> locks = close(p, trade(ETH, T0.plusSeconds(180), Purpose.FORCE_SELL, "-10"), "9390");

        assertThat(locks).containsExactly(new EntryLock(Kind.MAX_DRAWDOWN, null, T0.plusSeconds(180),
                Instant.parse("2026-03-01T22:03:00Z"), "the realised equity of 9390.00 USDT is 7.03 % below its "
                + "high of 10100.00 USDT within 2d (limit 7 %)"));
    }

    @Test
    void theEquityIsAskedOnlyWhenTheMaxDrawdownLockIsOn() {
        Protections p = protections("1m", "cooldownCandles: 1");
        AtomicInteger asked = new AtomicInteger();

        p.onTradeClosed(trade(BTC, T0, Purpose.EXIT, "1"), true, () -> {
            asked.incrementAndGet();
            return BigDecimal.ZERO;
        });

        assertThat(asked).hasValue(0);
    }

    @Test
    void theLowProfitLockSumsTheSymbolsTradesInTheWindowAgainstWhatTheirEntriesCost() {
        Protections p = protections("1m", """
                cooldownCandles: 0
                lowProfitLock:
                  lossPct: 1.5
                  window: 1d
                  lock: 12h
                """);

        // Each entry cost 100.1. -4 alone is 4.00 %: over 1.5, locked.
        assertThat(close(p, trade(BTC, T0, Purpose.STOP_LOSS, "-4"), "0")).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo("its 1 trade within 1d lost 4.00 USDT, 4.00 % of the "
                        + "100.10 USDT their entries cost (limit 1.5 %)"));
        // ETH's own trades: +1.
        assertThat(close(p, trade(ETH, T0.plusSeconds(60), Purpose.EXIT, "1"), "0")).isEmpty();
        // BTC: -4 + 2.5 = -1.5 of 200.2: 0.75 %, under 1.5.
        assertThat(close(p, trade(BTC, T0.plusSeconds(120), Purpose.EXIT, "2.5"), "0")).isEmpty();
        // -1.5 - 3.0045 = -4.5045 of 300.3: exactly 1.5 %, which locks.
        List<EntryLock> locks = close(p, trade(BTC, T0.plusSeconds(180), Purpose.EXIT, "-3.0045"), "0");

        assertThat(locks).containsExactly(new EntryLock(Kind.LOW_PROFIT, BTC, T0.plusSeconds(180),
                Instant.parse("2026-03-01T22:03:00Z"), "its 3 trades within 1d lost 4.50 USDT, 1.50 % of the "
                + "300.30 USDT their entries cost (limit 1.5 %)"));
    }

    @Test
    void aFillFoundLateIsJudgedAtItsCloseAndCountsInTheWindowsOfLaterOnes() {
        Protections p = protections("1h", """
                cooldownCandles: 3
                stopLossGuard:
                  stopLosses: 3
                  window: 2h
                  lock: 1h
                """);

        close(p, trade(BTC, T0.plusSeconds(3000), Purpose.STOP_LOSS, "-5"), "0");
        // Found after a restart, it closed at 10:00, before the 10:50 one: its cooldown runs from 10:00 (the closes
        // of 11:00, 12:00 and 13:00 are locked); up to 10:00 there was one stop.
        List<EntryLock> late = close(p, trade(BTC, T0, Purpose.STOP_LOSS, "-5"), "0");
        assertThat(late).extracting(EntryLock::kind, EntryLock::until)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.COOLDOWN,
                        Instant.parse("2026-03-01T14:00:00Z")));
        // At 11:30 the two and this one are within 2 hours.
        List<EntryLock> third = close(p, trade(BTC, T0.plusSeconds(5400), Purpose.STOP_LOSS, "-5"), "0");

        assertThat(third).extracting(EntryLock::kind).containsExactly(Kind.COOLDOWN, Kind.STOP_LOSS_GUARD);
        // The longest window is 2h; the cooldown reaches 3 candles and the one it closed in: 4h.
        assertThat(p.lookback()).isEqualTo(Duration.ofHours(4));
    }
}
