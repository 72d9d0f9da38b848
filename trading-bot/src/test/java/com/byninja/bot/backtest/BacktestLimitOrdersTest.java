package com.byninja.bot.backtest;

import static com.byninja.bot.backtest.BacktestRulesTest.candle;
import static com.byninja.bot.backtest.BacktestRulesTest.entryThen;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Symbol;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limit entries in a backtest, on the candles of {@link BacktestRulesTest}: the buy signal comes at the close of
 * minute 4 (110), so the limit buy is priced 1 % below it, 108.90, and sent at the open of minute 5 (111), where it
 * rests. It fills only when a low goes below 108.90 (a low that only touches it does not: the queue ahead fills
 * first), at 108.90; the stake of 108.90 buys exactly 1 BTC, paying a fee of 0.1089.
 */
class BacktestLimitOrdersTest {

    static final Symbol BTC = BacktestRulesTest.BTC;
    static final String CONFIG = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 2
                slowPeriod: 3
            risk:
              stakeAmount: 108.9
              stopLossPct: 0
              takeProfitPct: 0
            orders:
              entry: limit
              limitOffsetPct: 1
              limitTimeoutMs: %d
            simulator:
              feePct: 0.1
              slippagePct: 0
            """;

    @TempDir
    Path dir;

    BacktestResult run(long timeoutMs, java.util.List<com.byninja.bot.domain.Candle> candles) throws Exception {
        return new Backtest(TestConfigs.config(dir, CONFIG.formatted(timeoutMs)), Map.of(BTC, candles))
                .run(n -> { });
    }

    @Test
    void aLimitBuyRestsUntilALowGoesBelowItAndFillsAtItsPrice() throws Exception {
        // Minute 6 touches 108.90 without going below; minute 7 goes to 108.50.
        BacktestResult r = run(600_000, entryThen(candle(6, "111", "111", "108.9", "110"),
                candle(7, "110", "110", "108.5", "109")));

        Order buy = r.orders().get(0);
        assertThat(buy.type()).isEqualTo(OrderRequest.Type.LIMIT);
        assertThat(buy.limitPrice()).isEqualByComparingTo("108.9");
        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(buy.filledQuantity()).isEqualByComparingTo("1");
        assertThat(buy.quoteFilled()).isEqualByComparingTo("108.9");
        // Filled at minute 7's low, its open plus 1 ms.
        assertThat(buy.updatedAt()).isEqualTo(Instant.parse("2024-01-01T00:07:00.001Z"));
        // The strategy's exit at the close of minute 7 waits for an open that never comes.
        assertThat(r.orders().get(1).status()).isEqualTo(OrderStatus.NEW);
        // 10,000 less 108.90 and its fee of 0.1089; the coin is worth the last close, 109.
        assertThat(r.endBalance()).isEqualByComparingTo("9999.9911");
    }

    @Test
    void aLimitBuyNoLowReachesIsCancelledAtItsTimeoutAndNothingIsBought() throws Exception {
        // Sent at 00:05, cancelled at 00:07 after two minutes; minute 8 would have filled it.
        BacktestResult r = run(120_000, entryThen(candle(6, "111", "111", "109", "110"),
                candle(7, "110", "110", "109.5", "110"), candle(8, "110", "110", "108", "109")));

        Order buy = r.orders().get(0);
        assertThat(buy.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(buy.filledQuantity()).isZero();
        assertThat(r.trades()).extracting(ClosedTrade::symbol).isEmpty();
        assertThat(r.endBalance()).isEqualByComparingTo("10000");
    }
}
