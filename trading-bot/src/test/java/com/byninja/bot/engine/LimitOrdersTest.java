package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.Submission;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limit orders on a real store with a hand-answered gateway: priced from the last price on the tick, counted as
 * pending while they rest, cancelled at their timeout with what filled kept (and the rest at market when asked), a
 * limit exit left alone by exits of its kind and cancelled first by a stop, {@code /cancel}, and the stop on the
 * exchange out of the way of a limit exit. BTC/USDT has a tick of 0.01; a stop-loss 2 % and a take-profit 4 % away.
 */
class LimitOrdersTest {

    @TempDir
    Path dir;
    TraderFixture f;

    void start(String yaml) throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  takeProfitPct: 4\n  stopLossOnExchange: false\n"
                + "orders:\n  limitTimeoutMs: 60000\n" + yaml, "0",
                new MarketRules(BTC, new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"),
                        new BigDecimal("0.01"), new BigDecimal("5")));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Instant now() {
        return f.clock.instant();
    }

    /** The exchange cancelled {@code order} after {@code qty} of it filled at {@code price}, for a fee in USDT. */
    void cancelledAfter(Order order, String qty, String price, String fee) {
        BigDecimal q = new BigDecimal(qty);
        f.gateway.answer(new GatewayResult.Executed(order, ExecutionReport.cancelled(order.clientOrderId(), "X", q,
                q.multiply(new BigDecimal(price)), List.of(new Fee(new BigDecimal(fee), "USDT")),
                "cancelled by the bot", now())));
    }

    Order restingForceBuy(String price) {
        f.price(BTC, price);
        Order buy = ((Submission.Sent) f.trader.forceBuy(BTC, new BigDecimal("100"))).order();
        f.gateway.rest(buy, now());
        f.drain();
        return buy;
    }

    @Test
    void aLimitBuyIsPricedBelowTheLastPriceOnTheTickRestsAndCountsAsAnEntryOnItsWay() throws Exception {
        start("  forced: limit\n  limitOffsetPct: 0.15\n");
        // 50,123.45 less 0.15 % is 50,048.264825, rounded down to the tick: 50,048.26.
        Order buy = restingForceBuy("50123.45");

        assertThat(buy.type()).isEqualTo(OrderRequest.Type.LIMIT);
        assertThat(buy.limitPrice()).isEqualByComparingTo("50048.26");
        assertThat(buy.quoteAmount()).isEqualByComparingTo("100");
        assertThat(f.trader.orders().resting(BTC)).hasSize(1);
        assertThat(f.trader.openOrPendingPositions()).isEqualTo(1);
        assertThat(f.trader.snapshot().inPositions()).isEqualByComparingTo("100");
        assertThat(f.trader.positions().get(BTC)).isEmpty();
    }

    @Test
    void aLimitBuyUnfilledAtItsTimeoutIsCancelledAndWhatFilledBecomesThePosition() throws Exception {
        start("  forced: limit\n");
        Order buy = restingForceBuy("50000");
        assertThat(buy.limitPrice()).isEqualByComparingTo("50000");

        f.clock.advance(Duration.ofMillis(59_999));
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).isEmpty();
        f.clock.advance(Duration.ofMillis(1));
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(buy.clientOrderId());

        // 0.001 BTC filled at 50,000 before the cancel: 50 USDT and a 0.05 fee.
        cancelledAfter(f.gateway.cancels.get(0), "0.001", "50000", "0.05");
        f.drain();

        assertThat(f.trader.positions().get(BTC)).hasValueSatisfying(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.001");
            assertThat(p.entryCost()).isEqualByComparingTo("50");
        });
        // orders.marketAfterTimeout is off: the unfilled 50 USDT are not bought, and the person is told.
        assertThat(f.gateway.placed).hasSize(1);
        assertThat(f.alerts.last("order_not_placed").text()).isEqualTo("The limit buy at 50000.00 (order "
                + buy.clientOrderId() + ", by /forcebuy) did not fill within 60 s and was cancelled: 0.001 BTC of it "
                + "filled and is kept. Send /forcebuy BTC/USDT again if you still want it.");
    }

    @Test
    void withMarketAfterTimeoutTheUnfilledRestOfALimitBuyIsBoughtAtMarket() throws Exception {
        start("  forced: limit\n  marketAfterTimeout: true\n");
        restingForceBuy("50000");
        f.clock.advance(Duration.ofMinutes(1));
        f.trader.periodicChecks();

        cancelledAfter(f.gateway.cancels.get(0), "0.001", "50000", "0.05");
        f.drain();

        Order rest = f.gateway.last();
        assertThat(rest.type()).isEqualTo(OrderRequest.Type.MARKET);
        assertThat(rest.purpose()).isEqualTo(Purpose.FORCE_BUY);
        // 100 asked, 50 spent.
        assertThat(rest.quoteAmount()).isEqualByComparingTo("50");
    }

    @Test
    void aLimitExitIsLeftAloneByExitsOfItsKindAndCancelledFirstByTheStopLoss() throws Exception {
        start("  exit: limit\n  limitOffsetPct: 0.2\n");
        f.openPosition(BTC, "0.002", "50000", "0.1");

        // 52,000 reaches the take-profit: a limit sell 0.2 % above, 52,104.
        f.price(BTC, "52000");
        f.trader.periodicChecks();
        Order exit = f.gateway.last();
        assertThat(exit.type()).isEqualTo(OrderRequest.Type.LIMIT);
        assertThat(exit.purpose()).isEqualTo(Purpose.TAKE_PROFIT);
        assertThat(exit.limitPrice()).isEqualByComparingTo("52104");
        assertThat(exit.quantity()).isEqualByComparingTo("0.002");
        f.gateway.rest(exit, now());
        f.drain();
        f.clock.advance(Duration.ofSeconds(1));
        f.price(BTC, "52010");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(2);
        assertThat(f.gateway.cancels).isEmpty();

        // The price falls to the stop-loss at 49,000: the limit sell covers the coins, so it is cancelled first.
        f.clock.advance(Duration.ofSeconds(1));
        f.price(BTC, "48990");
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(exit.clientOrderId());
        assertThat(f.gateway.placed).hasSize(2);
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();
        Order stop = f.gateway.last();
        assertThat(stop.purpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(stop.type()).isEqualTo(OrderRequest.Type.MARKET);
        assertThat(stop.quantity()).isEqualByComparingTo("0.002");
    }

    @Test
    void cancelTakesBackTheRestingEntry() throws Exception {
        start("  forced: limit\n");
        Order buy = restingForceBuy("50000");

        assertThat(f.trader.cancelEntry(BTC)).hasValueSatisfying(o -> assertThat(o.clientOrderId())
                .isEqualTo(buy.clientOrderId()));
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();

        assertThat(f.trader.orders().resting(BTC)).isEmpty();
        assertThat(f.trader.positions().get(BTC)).isEmpty();
        assertThat(f.trader.openOrPendingPositions()).isZero();
        assertThat(f.trader.cancelEntry(BTC)).isEmpty();
    }

    @Test
    void theStopOnTheExchangeMakesWayForALimitExitAndComesBackWhenItTimesOut() throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  takeProfitPct: 4\n  stopLossOnExchange: true\n"
                + "orders:\n  exit: limit\n", "0", new MarketRules(BTC, new BigDecimal("0.00001"),
                new BigDecimal("9000"), new BigDecimal("0.00001"), new BigDecimal("0.01"), new BigDecimal("5")));
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();
        Order stop = f.gateway.last();
        f.gateway.rest(stop, now());
        f.drain();

        f.price(BTC, "52000");
        f.trader.periodicChecks();
        // The take-profit's limit sell waits for the stop's cancel: never two sells on the same coins.
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();
        Order exit = f.gateway.last();
        assertThat(exit.type()).isEqualTo(OrderRequest.Type.LIMIT);
        f.gateway.rest(exit, now());
        f.drain();
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).filteredOn(o -> o.purpose() == Purpose.STOP_ON_EXCHANGE).hasSize(1);

        // Unfilled after a minute, the limit sell is cancelled; the stop rests again at the next check.
        f.clock.advance(Duration.ofMinutes(1));
        f.price(BTC, "51000");
        f.trader.periodicChecks();
        f.gateway.cancelled(f.gateway.cancels.get(1), "cancelled by the bot", now());
        f.drain();
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).filteredOn(o -> o.purpose() == Purpose.STOP_ON_EXCHANGE).hasSize(2);
    }

    /** The exchange's answer about resting {@code order}: {@code qty} of it filled so far for {@code quote}. */
    void openWith(Order order, String qty, String quote, String fee) {
        f.gateway.answer(new GatewayResult.Executed(order, ExecutionReport.open(order.clientOrderId(), "X",
                new BigDecimal(qty), new BigDecimal(quote), List.of(new Fee(new BigDecimal(fee), "USDT")), now())));
    }

    @Test
    void aRestingBuysPartialFillsAreBookedAsTheyComeOnceEachEvenAcrossARestart() throws Exception {
        start("  forced: limit\n");
        Order buy = restingForceBuy("50000");

        // 0.0006 BTC filled for 30 USDT, fee 0.03: the position opens with it at once.
        f.clock.advance(Duration.ofSeconds(5));
        f.trader.periodicChecks();
        openWith(f.gateway.lookups.get(0), "0.0006", "30", "0.03");
        f.drain();
        assertThat(f.trader.positions().get(BTC)).hasValueSatisfying(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.0006");
            assertThat(p.entryCost()).isEqualByComparingTo("30");
        });
        assertThat(f.store.order(buy.clientOrderId() + "/1")).hasValueSatisfying(o ->
                assertThat(o.filledQuantity()).isEqualByComparingTo("0.0006"));
        assertThat(f.alerts.last("position_opened").text()).startsWith("Opened by /forcebuy: bought 0.0006 BTC");

        // A restart reads what was booked; the next answer, 0.0014 for 70, books 0.0008 for 40 more.
        f.restart();
        f.trader.periodicChecks();
        openWith(f.gateway.lookups.get(1), "0.0014", "70", "0.07");
        f.drain();
        assertThat(f.trader.positions().get(BTC)).hasValueSatisfying(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.0014");
            assertThat(p.entryCost()).isEqualByComparingTo("70");
            assertThat(p.entryFees()).isEqualByComparingTo("0.07");
        });

        // It fills: 0.002 for 100, fee 0.1. The order's own row books the 0.0006 for 30 its slices did not.
        f.clock.advance(Duration.ofSeconds(5));
        f.trader.periodicChecks();
        f.gateway.fill(f.gateway.lookups.get(2), "0.002", "50000", "0.1", now());
        f.drain();
        assertThat(f.trader.positions().get(BTC)).hasValueSatisfying(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.002");
            assertThat(p.entryCost()).isEqualByComparingTo("100");
            assertThat(p.entryFees()).isEqualByComparingTo("0.1");
        });
        assertThat(f.store.order(buy.clientOrderId()).orElseThrow().filledQuantity()).isEqualByComparingTo("0.0006");
        // Every fee counted once: 0.03 + 0.04 + 0.03.
        assertThat(f.store.feesPaid(null, null)).containsExactly(java.util.Map.entry("USDT", new BigDecimal("0.1")));
    }
}
