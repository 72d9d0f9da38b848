package com.byninja.bot.backtest;

import static com.byninja.bot.backtest.BacktestRulesTest.BTC;
import static com.byninja.bot.backtest.BacktestRulesTest.candle;
import static com.byninja.bot.backtest.BacktestRulesTest.entryThen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stake modes and the budget in a backtest, with the paper wallet's real fills: 10,000 USDT to start, a fee of
 * 0.1 %, no slippage, and the candles of {@link BacktestRulesTest} (the buy decided at 00:05 fills at 111).
 */
class BacktestSizingTest {

    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final String CONFIG = """
            symbols: [BTC/USDT, ETH/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 2
                slowPeriod: 3
            risk:
              stopLossPct: 5
              takeProfitPct: 0
            %s
            simulator:
              feePct: 0.1
              slippagePct: 0
              startingBalance: 10000
            """;

    @TempDir
    Path dir;

    BacktestResult run(String risk, Map<Symbol, List<Candle>> candles) throws Exception {
        return new Backtest(TestConfigs.config(dir, CONFIG.formatted(risk.indent(2))), candles).run(n -> { });
    }

    static List<Candle> as(Symbol s, List<Candle> candles) {
        return candles.stream().map(c -> new Candle(s, c.start(), c.period(), c.open(), c.high(), c.low(), c.close(),
                c.volume())).toList();
    }

    @Test
    void aRiskBasedStakeStoppedOutLosesNoMoreThanItsShareOfEquity() throws Exception {
        // A unit staked loses 0.05 + 0.001 x (2 - 0.05) = 0.05195 at a 5 % stop; 1 % of 10,000 is 100, and
        // 100 / 0.05195 = 1924.92781520 (rounded down). At 111 that buys 17.34169202 BTC for 1924.92781422 and a
        // fee of 1.92492782. The low of 100 takes the stop at 105.45: 1828.681423509, less a fee of 1.82868143.
        BacktestResult r = run("stakeMode: riskBased\nriskPct: 1\nmaxStakeAmount: 5000",
                Map.of(BTC, entryThen(candle(6, "110", "111", "100", "108"))));

        assertThat(r.orders().get(0).quoteAmount()).isEqualByComparingTo("1924.92781520");
        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(t.quantity()).isEqualByComparingTo("17.34169202");
        assertThat(t.realisedPnl()).isEqualByComparingTo("-99.999999961");
    }

    @Test
    void twoEntriesOfOneCandleShareTheBudgetTheSecondCutToWhatTheFirstLeft() throws Exception {
        // Both symbols signal at the same close. BTC's entry takes 100 of the 150; ETH's, decided while BTC's is
        // still on its way, is cut to the 50 left.
        List<Candle> candles = entryThen();
        BacktestResult r = run("stakeAmount: 100\nbudget: 150", Map.of(BTC, candles, ETH, as(ETH, candles)));

        assertThat(r.orders()).extracting(Order::symbol, o -> o.quoteAmount().stripTrailingZeros().toPlainString())
                .containsExactly(tuple(BTC, "100"),
                        tuple(ETH, "50"));
    }

    @Test
    void aPercentOfEquityStakeIsSizedOnTheWallet() throws Exception {
        BacktestResult r = run("stakeMode: percentOfEquity\nstakePct: 5", Map.of(BTC, entryThen()));

        // 5 % of the 10,000 the wallet holds.
        assertThat(r.orders().get(0).quoteAmount()).isEqualByComparingTo("500");
    }
}
