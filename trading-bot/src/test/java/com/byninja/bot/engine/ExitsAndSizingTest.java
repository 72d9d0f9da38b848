package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.orders.Submission;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exits and sizing in the trader, on a real SQLite store with a hand-driven exchange: the stake modes on the account's
 * equity, the budget cutting and refusing entries (the strategy's and forced ones), the minimal ROI at its boundary and
 * the trailing stop's offset. The account starts with 10,000 USDT.
 */
class ExitsAndSizingTest {

    static final Symbol SOL = new Symbol("SOL", "USDT");

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** Closes candles whose 2/3 moving averages cross upwards on the last one: a buy signal. */
    void crossUp(Symbol s) {
        for (String c : new String[] {"20", "18", "16", "14", "12", "14", "18"}) {
            f.candle(s, c);
        }
    }

    List<CandleDecision> decisions() throws Exception {
        return f.store.decisions(f.store.decisionSessions().get(0).id());
    }

    @Test
    void aPercentOfEquityStakeCountsOpenPositionsAtTheirLastPrice() throws Exception {
        f = new TraderFixture(dir, TraderTest.SMA_2_3 + "risk:\n  stakeMode: percentOfEquity\n  stakePct: 5\n");
        // 1 BTC for 100 and a fee of 0.1: 9,899.9 USDT left.
        f.openPosition(BTC, "1", "100", "0.1");
        f.price(BTC, "120");

        crossUp(ETH);

        // Equity 9,899.9 + 1 x 120 = 10,019.9; 5 % of it is 500.995.
        Order entry = f.gateway.last();
        assertThat(entry.purpose()).isEqualTo(Purpose.ENTRY);
        assertThat(entry.quoteAmount()).isEqualByComparingTo("500.995");
        // Filled: 27.83 ETH at 18 for 500.94 and a fee of 0.50094. Equity is 9,398.45906 free, 120 of BTC and
        // 500.94 of ETH at 18: 10,019.39906, less only by the fee. A forcebuy without an amount takes 5 % of it,
        // 500.969953.
        f.gateway.fill(entry, "27.83", "18", "0.50094", f.clock.instant());
        f.drain();
        Submission forced = f.trader.forceBuy(BTC, null);
        assertThat(((Submission.Sent) forced).order().quoteAmount()).isEqualByComparingTo("500.969953");
    }

    @Test
    void aRiskBasedStakeLosesOnePercentOfEquityAtTheStopFeesIncluded() throws Exception {
        f = TraderFixture.withFee(dir, TraderTest.SMA_2_3
                + "risk:\n  stakeMode: riskBased\n  riskPct: 1\n  stopLossPct: 2\n  maxStakeAmount: 5000\n", "0.1");

        crossUp(BTC);

        // 1 % of 10,000 is 100; a unit staked loses 0.02 + 0.001 x (2 - 0.02) = 0.02198 at the stop;
        // 100 / 0.02198 = 4549.5905368516..., rounded down to 8 decimals.
        assertThat(f.gateway.last().quoteAmount()).isEqualByComparingTo("4549.59053685");
    }

    @Test
    void aRiskBasedStakeAboveTheMaximumStakeIsCutToIt() throws Exception {
        f = TraderFixture.withFee(dir, TraderTest.SMA_2_3
                + "risk:\n  stakeMode: riskBased\n  riskPct: 1\n  stopLossPct: 2\n", "0.1");

        crossUp(BTC);

        assertThat(f.gateway.last().quoteAmount()).isEqualByComparingTo("1000");
    }

    @Test
    void theStrategysEntryIsCutToWhatIsLeftOfTheBudgetThenRefusedWhenNothingIs() throws Exception {
        f = new TraderFixture(dir, """
                symbols: [BTC/USDT, ETH/USDT, SOL/USDT]
                strategy:
                  smaCross:
                    fastPeriod: 2
                    slowPeriod: 3
                risk:
                  budget: 150
                  maxOpenPositions: 3
                """);
        // 0.9 BTC at 100: 90 in positions, 60 left of 150.
        f.openPosition(BTC, "0.9", "100", "0.09");

        crossUp(ETH);

        Order entry = f.gateway.last();
        assertThat(entry.symbol()).isEqualTo(ETH);
        assertThat(entry.quoteAmount()).isEqualByComparingTo("60");
        assertThat(f.trader.snapshot().inPositions()).isEqualByComparingTo("150");

        // The entry on its way counts: nothing is left for SOL, below the minimum order of 10.
        crossUp(SOL);

        assertThat(f.gateway.placed).hasSize(2);
        assertThat(decisions()).filteredOn(d -> d.action() != CandleDecision.Action.HOLD)
                .extracting(CandleDecision::symbol, CandleDecision::describe)
                .containsExactly(tuple(ETH, "ENTRY"),
                        tuple(SOL, "BUY_IGNORED (OVER_BUDGET)"));
    }

    @Test
    void aForcedBuyIsCutToTheBudgetAndRefusedWhenNothingIsLeft() throws Exception {
        f = new TraderFixture(dir, "risk:\n  budget: 150\n");
        f.openPosition(BTC, "0.9", "100", "0.09");
        f.price(ETH, "3000");

        Submission cut = f.trader.forceBuy(ETH, new BigDecimal("100"));

        Submission.Sent sent = (Submission.Sent) cut;
        assertThat(sent.order().quoteAmount()).isEqualByComparingTo("60");
        assertThat(sent.note()).isEqualTo("the amount was cut from 100 USDT to the 60 USDT left of the budget of "
                + "150 USDT (risk.budget; 90 USDT in positions)");

        // Filled for 59.4: 149.4 in positions, 0.6 left, below the minimum order of 10. A forced buy is held to it.
        f.gateway.fill(sent.order(), "0.0198", "3000", "0.0594", f.clock.instant());
        f.drain();
        Submission refused = f.trader.forceBuy(BTC, null);

        assertThat(((Submission.Refused) refused).rejection().reason()).isEqualTo(RejectReason.RISK_OVER_BUDGET);
        assertThat(((Submission.Refused) refused).rejection().message()).isEqualTo("the budget of 150 USDT "
                + "(risk.budget) has 0.6 USDT left, with 149.4 USDT in positions; that is below the minimum order of "
                + "10 USDT (risk.minOrderAmount)");
        assertThat(f.gateway.placed).hasSize(2);
    }

    @Test
    void theMinimalRoiAsksForLessFromThirtyMinutesAfterTheFillAcrossARestart() throws Exception {
        f = TraderFixture.withFee(dir, "risk:\n  minimalRoi: {0: 4, 30: 2, 120: 0}\n  takeProfitPct: 0\n", "0.1");
        // 1 BTC at 100 with a fee of 0.1: it cost 100.1. Selling at 102.21 keeps 102.21 x 0.999 = 102.10779, which
        // is 2 % over 100.1 (102.102) but not 4 % (104.104).
        f.openPosition(BTC, "1", "100", "0.1");

        f.clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        f.price(BTC, "102.21");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(1);

        f.restart();
        f.clock.advance(Duration.ofSeconds(1));
        f.price(BTC, "102.21");
        f.trader.periodicChecks();

        Order sell = f.gateway.last();
        assertThat(sell.purpose()).isEqualTo(Purpose.MINIMAL_ROI);
        assertThat(f.alerts.last().event()).isEqualTo("minimal_roi_hit");
        assertThat(f.alerts.last().text()).isEqualTo("Minimal ROI hit at 102.21 (entry 100, 2 % profit after fees "
                + "asked after 30 min); selling 1 BTC");

        f.gateway.fill(sell, "1", "102.21", "0.10221", f.clock.instant());
        f.drain();

        // 102.21 - 0.10221 - 100 - 0.1 = 2.00779, 2.0058 % of the 100.1 it cost; both rounded down, the fees of
        // 0.20221 up
        assertThat(f.alerts.events()).endsWith("position_closed");
        assertThat(f.alerts.last("position_closed").text())
                .isEqualTo("Closed at the minimal ROI: sold 1 BTC at 102.21, PnL +2.00 USDT (+2.00%) after 0.21 "
                        + "USDT fees");
        assertThat(f.store.closedTrades(null, null)).singleElement().satisfies(t -> {
            assertThat(t.exitPurpose()).isEqualTo(Purpose.MINIMAL_ROI);
            assertThat(t.realisedPnl()).isEqualByComparingTo("2.00779");
        });
    }

    @Test
    void theTrailingStopWaitsForItsOffsetThenFollowsTheHigh() throws Exception {
        f = new TraderFixture(dir, "risk:\n  trailingStopPct: 1\n  trailingStopPositiveOffsetPct: 3\n"
                + "  takeProfitPct: 0\n");
        f.openPosition(BTC, "1", "100", "0.1");

        // 102.9 is below 100 x 1.03 = 103: a fall to 101.8, more than 1 % below it, sells nothing.
        f.price(BTC, "102.9");
        f.trader.periodicChecks();
        f.price(BTC, "101.8");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(1);
        assertThat(f.trader.protection(BTC).orElseThrow().trailingStop()).isEmpty();

        // 103 reached: from now on 1 % below the high, 101.97.
        f.price(BTC, "103");
        f.trader.periodicChecks();
        f.price(BTC, "101.98");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(1);
        f.price(BTC, "101.97");
        f.trader.periodicChecks();

        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.TRAILING_STOP);
        assertThat(f.alerts.last().event()).isEqualTo("trailing_stop_hit");
    }
}
