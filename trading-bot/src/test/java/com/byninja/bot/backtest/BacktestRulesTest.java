package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
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
 * Each replay rule of docs/backtesting.md, on a few candles whose prices a person can follow. The strategy is SMA 2
 * crossing SMA 3: closes of 100, 99, 98, 97 leave SMA 2 (97.5) under SMA 3 (98); a close of 110 makes them 103.5
 * and 101.67, a cross upward at the fifth candle's close, so the buy fills at the sixth candle's open. Stop-loss 5 %
 * and take-profit 4 % of an entry at 111 are 105.45 and 115.44. No slippage unless a test says so; the fee is 0.1 %.
 */
class BacktestRulesTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String CONFIG = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 2
                slowPeriod: 3
            risk:
              stakeAmount: 100
              stopLossPct: 5
              takeProfitPct: 4
              trailingStopPct: 0
            simulator:
              feePct: 0.1
              slippagePct: %s
            """;

    @TempDir
    Path dir;

    static Candle candle(int minute, String open, String high, String low, String close) {
        return new Candle(BTC, T0.plusSeconds(60L * minute), Duration.ofMinutes(1), new BigDecimal(open),
                new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    /** Five candles that end in the buy signal, the candle the buy fills at the open of, then {@code after}. */
    static List<Candle> entryThen(Candle... after) {
        List<Candle> out = new ArrayList<>();
        String[] closes = {"100", "99", "98", "97"};
        for (int i = 0; i < closes.length; i++) {
            out.add(candle(i, closes[i], closes[i], closes[i], closes[i]));
        }
        out.add(candle(4, "97", "110", "97", "110"));
        out.add(candle(5, "111", "112", "110.5", "111.5"));
        out.addAll(List.of(after));
        return out;
    }

    BacktestResult run(String slippage, List<Candle> candles) throws Exception {
        BotConfig config = TestConfigs.config(dir, CONFIG.formatted(slippage));
        return new Backtest(config, Map.of(BTC, candles)).run(n -> { });
    }

    @Test
    void theStrategyDecidesOnTheClosedCandleAndItsOrderFillsAtTheNextOpen() throws Exception {
        BacktestResult r = run("0", entryThen());

        Order buy = r.orders().get(0);
        // Decided at the fifth candle's close (00:05), filled at the sixth's open (00:05) at 111, not at the close 110.
        assertThat(buy.purpose()).isEqualTo(Purpose.ENTRY);
        assertThat(buy.createdAt()).isEqualTo(Instant.parse("2024-01-01T00:05:00Z"));
        assertThat(buy.averagePrice()).isEqualByComparingTo("111");
        assertThat(r.trades()).isEmpty();
    }

    @Test
    void slippageMovesTheFillAgainstTheTrader() throws Exception {
        // 111 plus 0.05 % is 111.0555.
        BacktestResult r = run("0.05", entryThen());

        assertThat(r.orders().get(0).averagePrice()).isEqualByComparingTo("111.0555");
    }

    @Test
    void aStopLossTouchedByTheLowSellsAtItsLevel() throws Exception {
        BacktestResult r = run("0", entryThen(candle(6, "110", "111", "100", "108")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(t.exitPrice()).isEqualByComparingTo("105.45");
    }

    @Test
    void aPriceThatOpensBeyondTheStopSellsAtTheOpen() throws Exception {
        BacktestResult r = run("0", entryThen(candle(6, "100", "101", "99", "100")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(t.exitPrice()).isEqualByComparingTo("100");
        assertThat(t.closedAt()).isEqualTo(Instant.parse("2024-01-01T00:06:00Z"));
    }

    @Test
    void aTakeProfitTouchedByTheHighSellsAtItsLevel() throws Exception {
        BacktestResult r = run("0", entryThen(candle(6, "112", "120", "111", "113")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.TAKE_PROFIT);
        assertThat(t.exitPrice()).isEqualByComparingTo("115.44");
    }

    @Test
    void whenOneCandleTouchesBothTheStopIsTaken() throws Exception {
        // Low 100 is under the stop 105.45, high 120 over the take-profit 115.44: which came first is unknown, so
        // the pessimistic order takes the stop.
        BacktestResult r = run("0", entryThen(candle(6, "110", "120", "100", "112")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(t.exitPrice()).isEqualByComparingTo("105.45");
    }

    @Test
    void theSameCandlesGiveTheSameOrdersAndTradesEveryTime() throws Exception {
        List<Candle> candles = entryThen(candle(6, "110", "120", "100", "112"), candle(7, "112", "113", "111", "112"),
                candle(8, "112", "113", "111", "120"));
        BacktestResult first = run("0.05", candles);
        BacktestResult second = run("0.05", candles);

        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.trades()).isEqualTo(first.trades());
        assertThat(second.equity()).isEqualTo(first.equity());
    }
}
