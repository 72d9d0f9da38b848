package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.backtest.data.SyntheticCandles;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbol with settings of its own trades, beside the others, exactly as it would configured alone with them: the
 * real trader, paper wallet and strategies in a backtest, on 2,000 hourly candles per symbol.
 */
class BacktestSymbolSettingsTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol SOL = new Symbol("SOL", "USDT");
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final List<Candle> BTC_CANDLES = SyntheticCandles.gbm(BTC, START, Duration.ofHours(1), 2_000, 11, 10, 60,
            new BigDecimal("42000"));
    static final List<Candle> SOL_CANDLES = SyntheticCandles.gbm(SOL, START, Duration.ofHours(1), 2_000, 12, 10, 90,
            new BigDecimal("150"));

    /** No limit shared by the symbols binds: a large balance, room for both positions, no daily loss limit. */
    static final String COMMON = """
            timeframe: 1h
            strategy:
              name: sma-cross
              smaCross: {fastPeriod: 10, slowPeriod: 30}
            risk:
              stakeAmount: 100
              stopLossPct: 3
              takeProfitPct: 6
              maxOpenPositions: 5
              dailyLossLimit: 0
            simulator:
              feePct: 0.1
              slippagePct: 0
              startingBalance: 100000
            """;

    @TempDir
    Path dir;

    BacktestResult run(String yaml, Map<Symbol, List<Candle>> candles) throws Exception {
        return new Backtest(TestConfigs.config(dir, yaml), candles).run(n -> { });
    }

    @Test
    void aSymbolWithItsOwnStrategyAndRiskTradesAsItWouldAloneAndTheOtherAsWithoutIt() throws Exception {
        BacktestResult together = run(COMMON + """
                symbols:
                  - BTC/USDT
                  - symbol: SOL/USDT
                    strategy:
                      name: rsi
                      rsi: {period: 7, oversold: 25, overbought: 75}
                    risk:
                      stakeAmount: 50
                      stopLossPct: 2
                """, Map.of(BTC, BTC_CANDLES, SOL, SOL_CANDLES));
        BacktestResult btcAlone = run(COMMON + "symbols: [BTC/USDT]\n", Map.of(BTC, BTC_CANDLES));
        BacktestResult solAlone = run(COMMON.replace("stakeAmount: 100", "stakeAmount: 50")
                .replace("stopLossPct: 3", "stopLossPct: 2").replace("name: sma-cross", """
                        name: rsi
                          rsi: {period: 7, oversold: 25, overbought: 75}""") + "symbols: [SOL/USDT]\n",
                Map.of(SOL, SOL_CANDLES));

        assertThat(btcAlone.trades()).hasSizeGreaterThan(20);
        assertThat(solAlone.trades()).hasSizeGreaterThan(20);
        assertThat(trades(together, BTC)).isEqualTo(trades(btcAlone, BTC));
        assertThat(trades(together, SOL)).isEqualTo(trades(solAlone, SOL));
        // Each strategy buy spends its own symbol's stake.
        assertThat(together.orders()).filteredOn(o -> o.purpose() == Purpose.ENTRY)
                .allSatisfy(o -> assertThat(o.quoteAmount()).isEqualByComparingTo(o.symbol().equals(SOL) ? "50"
                        : "100"));
        // SOL's stop-losses sell 2 % below the entry, BTC's 3 %: a stop fills at the first price at or below it.
        assertThat(together.trades()).filteredOn(t -> t.exitPurpose() == Purpose.STOP_LOSS).isNotEmpty()
                .allSatisfy(t -> assertThat(t.exitPrice()).isLessThanOrEqualTo(entryPrice(t).multiply(
                        new BigDecimal(t.symbol().equals(SOL) ? "0.98" : "0.97"))));
    }

    /** @return the symbol's trades without their client order ids, which count every order of the run */
    static List<String> trades(BacktestResult r, Symbol s) {
        return r.trades().stream().filter(t -> t.symbol().equals(s)).map(t -> t.openedAt() + " " + t.closedAt()
                + " " + t.quantity().toPlainString() + " " + t.entryCost().toPlainString() + " "
                + t.exitPrice().toPlainString() + " " + t.realisedPnl().toPlainString() + " "
                + t.exitPurpose()).toList();
    }

    static BigDecimal entryPrice(ClosedTrade t) {
        return t.entryCost().divide(t.quantity(), java.math.MathContext.DECIMAL64);
    }
}
