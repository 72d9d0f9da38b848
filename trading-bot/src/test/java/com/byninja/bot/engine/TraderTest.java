package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.Submission;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraderTest {

    static final String SMA_2_3 = """
            strategy:
              smaCross:
                fastPeriod: 2
                slowPeriod: 3
            """;

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    void crossUp(com.byninja.bot.domain.Symbol s) {
        for (String c : new String[] {"20", "18", "16", "14", "12", "14", "18"}) {
            f.candle(s, c);
        }
    }

    Order openPosition(com.byninja.bot.domain.Symbol s, String qty, String price, String fee) {
        return f.openPosition(s, qty, price, fee);
    }

    @Test
    void aCrossUpBuysTheStakeAndTheFillOpensAPosition() throws Exception {
        f = new TraderFixture(dir, SMA_2_3);

        crossUp(BTC);

        Order o = f.gateway.last();
        assertThat(f.gateway.placed).hasSize(1);
        assertThat(o.purpose()).isEqualTo(Purpose.ENTRY);
        assertThat(o.quoteAmount()).isEqualByComparingTo("100");
        assertThat(f.store.order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);

        f.gateway.fill(o, "5.5", "18", "0.099", f.clock.instant());
        f.drain();

        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("5.5");
        assertThat(f.store.order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.alerts.last().event()).isEqualTo("position_opened");
        assertThat(f.alerts.last().text())
                .isEqualTo("Opened on the strategy's entry signal: bought 5.5 BTC at 18 for 99.00 USDT, fee 0.10 USDT");
        assertThat(f.trader.snapshot().balances().get("USDT")).isEqualByComparingTo("9900.901");
    }

    @Test
    void aCrossUpDoesNothingWhileTradingIsStopped() throws Exception {
        f = new TraderFixture(dir, SMA_2_3);
        f.trader.setFlag(null, Flag.TRADING, false);

        crossUp(BTC);

        assertThat(f.gateway.placed).isEmpty();
    }

    @Test
    void aSymbolWithBuyingDisabledDoesNotBuyWhileOthersDo() throws Exception {
        f = new TraderFixture(dir, SMA_2_3);
        f.trader.setFlag(BTC, Flag.BUY, false);

        crossUp(BTC);
        crossUp(ETH);

        assertThat(f.gateway.placed).extracting(Order::symbol).containsExactly(ETH);
    }

    @Test
    void noSecondOrderIsSentWhileTheFirstWaitsForTheExchange() throws Exception {
        f = new TraderFixture(dir, "");
        f.price(BTC, "100");

        Submission first = f.trader.forceBuy(BTC, null);
        Submission second = f.trader.forceBuy(BTC, null);

        assertThat(first).isInstanceOf(Submission.Sent.class);
        assertThat(((Submission.Refused) second).rejection().reason()).isEqualTo(RejectReason.ORDER_IN_FLIGHT);
        assertThat(f.gateway.placed).hasSize(1);
    }

    @Test
    void stopLossHitSellsAndTheCloseRealisesPnlNetOfFees() throws Exception {
        f = new TraderFixture(dir, "");
        openPosition(BTC, "1", "100", "0.1");

        f.price(BTC, "98");
        f.trader.periodicChecks();

        Order sell = f.gateway.last();
        assertThat(sell.purpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(sell.quantity()).isEqualByComparingTo("1");
        assertThat(f.alerts.last().event()).isEqualTo("stop_loss_hit");
        assertThat(f.alerts.last().text()).isEqualTo("Stop-loss hit at 98 (entry 100); selling 1 BTC");

        f.gateway.fill(sell, "1", "97.9", "0.0979", f.clock.instant());
        f.drain();

        // 97.9 - 0.0979 - 100 - 0.1 = -2.2979. The cooldown that starts with the close is not an alert by default.
        assertThat(f.alerts.events()).endsWith("position_closed").doesNotContain("entry_locked");
        assertThat(f.alerts.last("position_closed").data().path("realisedPnl").asText()).isEqualTo("-2.2979");
        assertThat(f.trader.snapshot().realisedToday()).isEqualByComparingTo("-2.2979");
        assertThat(f.store.closedTrades(null, null)).singleElement()
                .satisfies(t -> assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS));
        assertThat(f.trader.positions().openCount()).isZero();
    }

    @Test
    void takeProfitHitSells() throws Exception {
        f = new TraderFixture(dir, "");
        openPosition(BTC, "1", "100", "0.1");

        f.price(BTC, "104");
        f.trader.periodicChecks();

        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.TAKE_PROFIT);
        assertThat(f.alerts.last().event()).isEqualTo("take_profit_hit");
    }

    @Test
    void aRejectedStopLossIsRetriedLaterNotOnEveryCheck() throws Exception {
        f = new TraderFixture(dir, "");
        openPosition(BTC, "1", "100", "0.1");
        f.price(BTC, "97");
        f.trader.periodicChecks();
        f.gateway.reject(f.gateway.last(), "market closed", f.clock.instant());
        f.drain();

        f.trader.periodicChecks();
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(2);
        assertThat(f.alerts.events()).containsOnlyOnce("stop_loss_hit");

        f.clock.advance(Duration.ofSeconds(31));
        f.price(BTC, "97");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(3);
        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.STOP_LOSS);
    }

    @Test
    void theTrailingStopFollowsTheHighestPriceAndSurvivesARestart() throws Exception {
        f = new TraderFixture(dir, "risk:\n  trailingStopPct: 1\n  takeProfitPct: 0\n");
        openPosition(BTC, "1", "100", "0.1");
        f.price(BTC, "110");
        f.trader.periodicChecks();
        assertThat(f.store.loadPositions().get(0).highestPrice()).isEqualByComparingTo("110");

        f.price(BTC, "108.9");
        f.trader.periodicChecks();

        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.TRAILING_STOP);
        assertThat(f.alerts.last().event()).isEqualTo("trailing_stop_hit");
    }

    @Test
    void takeProfitSellsWhileSellingAndTradingAreSwitchedOff() throws Exception {
        f = new TraderFixture(dir, "");
        openPosition(BTC, "1", "100", "0.1");
        f.trader.setFlag(BTC, Flag.SELL, false);
        f.trader.setFlag(null, Flag.TRADING, false);

        // take-profit 4 % above the entry of 100: 104
        f.price(BTC, "104");
        f.trader.periodicChecks();

        assertThat(f.gateway.placed).hasSize(2);
        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.TAKE_PROFIT);
        assertThat(f.alerts.events()).contains("take_profit_hit");
    }

    @Test
    void protectiveExitsStayOffOnlyWhenTheSettingSaysSo() throws Exception {
        f = new TraderFixture(dir, "risk:\n  protectiveExits: false\n");
        openPosition(BTC, "1", "100", "0.1");

        f.price(BTC, "90");
        f.trader.periodicChecks();

        assertThat(f.gateway.placed).hasSize(1);
    }

    @Test
    void reachingTheDailyLossLimitAlertsOnceAndStopsStrategyBuys() throws Exception {
        f = new TraderFixture(dir, SMA_2_3 + "risk:\n  dailyLossLimit: 2\n");
        openPosition(ETH, "1", "100", "0.1");
        f.price(ETH, "97");
        f.trader.forceSell(ETH);
        f.gateway.fill(f.gateway.last(), "1", "97", "0.097", f.clock.instant());
        f.drain();

        assertThat(f.alerts.events()).containsOnlyOnce("daily_loss_limit");
        assertThat(f.alerts.last("daily_loss_limit").text()).isEqualTo("Daily loss limit reached: -3.20 USDT "
                + "realised today (limit 2.00); buying stops until 00:00 UTC");

        crossUp(BTC);
        assertThat(f.gateway.placed).hasSize(2);

        // A forced buy is not a strategy buy: the daily limit gives way to it.
        assertThat(f.trader.forceBuy(BTC, null)).isInstanceOf(Submission.Sent.class);
    }

    @Test
    void theDailyLossLimitLiftsAtMidnightUtc() throws Exception {
        f = new TraderFixture(dir, "risk:\n  dailyLossLimit: 2\n");
        openPosition(ETH, "1", "100", "0.1");
        f.trader.forceSell(ETH);
        f.gateway.fill(f.gateway.last(), "1", "97", "0.097", f.clock.instant());
        f.drain();
        assertThat(f.trader.snapshot().dailyLossLimitReached()).isTrue();

        f.clock.set(TraderFixture.T0.plus(Duration.ofHours(14)));
        f.trader.periodicChecks();

        assertThat(f.trader.snapshot().dailyLossLimitReached()).isFalse();
        assertThat(f.trader.snapshot().realisedToday()).isEqualByComparingTo("0");
        assertThat(f.trader.snapshot().todayStart()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void aRestartOnTheSameDayRemembersTheLossAndDoesNotAlertAgain() throws Exception {
        f = new TraderFixture(dir, "risk:\n  dailyLossLimit: 2\n");
        openPosition(ETH, "1", "100", "0.1");
        f.trader.forceSell(ETH);
        f.gateway.fill(f.gateway.last(), "1", "97", "0.097", f.clock.instant());
        f.drain();

        f.restart();

        assertThat(f.trader.snapshot().realisedToday()).isEqualByComparingTo("-3.197");
        assertThat(f.trader.snapshot().dailyLossLimitReached()).isTrue();
        assertThat(f.alerts.events()).containsOnlyOnce("daily_loss_limit");
    }

    @Test
    void anExchangeRejectionIsRecordedAndAlerted() throws Exception {
        f = new TraderFixture(dir, "");
        f.price(BTC, "100");
        Order o = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();

        f.gateway.reject(o, "insufficient USDT balance", f.clock.instant());
        f.drain();

        assertThat(f.store.order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(f.alerts.last().event()).isEqualTo("order_rejected");
        assertThat(f.trader.orders().inFlight(BTC)).isEmpty();
    }

    @Test
    void anOrderWithoutAnswerIsLookedUpLaterInsteadOfBeingSentAgain() throws Exception {
        f = new TraderFixture(dir, "");
        f.price(BTC, "100");
        Order o = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();

        f.gateway.answer(new GatewayResult.Unknown(o, "timeout"));
        f.drain();
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).isEmpty();

        f.clock.advance(Duration.ofSeconds(2));
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).containsExactly(o);
        assertThat(f.gateway.placed).containsExactly(o);

        f.gateway.answer(new GatewayResult.NotFound(o));
        f.drain();
        assertThat(f.store.order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.trader.orders().inFlight(BTC)).isEmpty();
    }

    @Test
    void threeUnansweredOrdersRaiseAnExchangeAlertAndTheFirstAnswerAfterThemASecond() throws Exception {
        f = new TraderFixture(dir, "");
        f.price(BTC, "100");
        Order o = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();

        for (int i = 0; i < 3; i++) {
            f.gateway.answer(new GatewayResult.Unknown(o, "connection reset"));
        }
        f.drain();

        assertThat(f.alerts.events()).containsExactly("exchange_errors");
        assertThat(f.alerts.last().text()).isEqualTo("The exchange is failing: 3 order requests in a row got no "
                + "answer; their outcome is being checked.");
        assertThat(f.alerts.last().data().path("scope").asText()).isEqualTo("orders");

        f.gateway.fill(o, "1", "100", "0.1", f.clock.instant());
        f.drain();

        assertThat(f.alerts.events()).containsExactly("exchange_errors", "exchange_recovered", "position_opened");
        assertThat(f.alerts.last("exchange_recovered").text())
                .isEqualTo("Order requests get answers from the exchange again.");
        assertThat(f.alerts.last("exchange_recovered").data().path("scope").asText()).isEqualTo("orders");
    }

    @Test
    void aFullOrderQueueRefusesTheOrderAndRecordsIt() throws Exception {
        f = new TraderFixture(dir, "");
        f.price(BTC, "100");
        f.gateway.full = true;

        Submission r = f.trader.forceBuy(BTC, null);

        assertThat(((Submission.Refused) r).rejection().reason()).isEqualTo(RejectReason.ORDER_QUEUE_FULL);
        assertThat(f.store.ordersWithStatus(OrderStatus.REJECTED)).hasSize(1);
    }
}
