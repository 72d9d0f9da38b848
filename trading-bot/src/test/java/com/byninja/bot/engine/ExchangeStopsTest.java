package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
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
 * The stop-loss resting on the exchange, on a real store with a hand-answered gateway: placed after the entry fills
 * with its id recorded first, moved by cancel and replace, cancelled before any other sell, found filled after a
 * restart, retried and alerted once when refused, placed again when cancelled by someone else, and left to act
 * between its stop and its limit. BTC/USDT has a tick of 0.01 and a step of 0.00001; the stop-loss is 3 % below the
 * entry, the stop's limit 0.5 % below its stop price.
 */
class ExchangeStopsTest {

    @TempDir
    Path dir;
    TraderFixture f;

    void start(String risk) throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 3\n  stopLossOnExchange: true\n" + risk, "0",
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

    /** Opens 0.002 BTC at 50,000 (cost 100, fee 0.1) and lets the stop be placed and rest: stop 48,500, limit 48,257.50. */
    Order openWithRestingStop() throws Exception {
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();
        Order stop = f.gateway.last();
        f.gateway.rest(stop, now());
        f.drain();
        return stop;
    }

    List<Order> stopsPlaced() {
        return f.gateway.placed.stream().filter(o -> o.purpose() == Purpose.STOP_ON_EXCHANGE).toList();
    }

    @Test
    void theStopIsRecordedThenPlacedAtTheFirstCheckAfterTheEntryFillsAndRests() throws Exception {
        start("");
        // 0.003 BTC for 150.37035: entry 50,123.45; 3 % below is 48,619.7465, rounded up to the tick 48,619.75; its
        // limit 0.5 % below, 48,376.65125, rounded down to 48,376.65.
        f.openPosition(BTC, "0.003", "50123.45", "0.15");
        assertThat(stopsPlaced()).isEmpty();

        f.trader.periodicChecks();

        Order stop = f.gateway.last();
        assertThat(stop.purpose()).isEqualTo(Purpose.STOP_ON_EXCHANGE);
        assertThat(stop.type()).isEqualTo(OrderRequest.Type.STOP_LOSS_LIMIT);
        assertThat(stop.side()).isEqualTo(OrderRequest.Side.SELL);
        assertThat(stop.quantity()).isEqualByComparingTo("0.003");
        assertThat(stop.stopPrice()).isEqualByComparingTo("48619.75");
        assertThat(stop.limitPrice()).isEqualByComparingTo("48376.65");
        assertThat(f.store.order(stop.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);

        f.gateway.rest(stop, now());
        f.drain();
        assertThat(f.store.order(stop.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(f.trader.orders().resting(BTC)).extracting(Order::clientOrderId)
                .containsExactly(stop.clientOrderId());
        // One stop per position: later checks place none.
        f.clock.advance(Duration.ofSeconds(1));
        f.trader.periodicChecks();
        assertThat(stopsPlaced()).hasSize(1);
    }

    @Test
    void aSellWaitsForTheStopsCancelAndGoesOutOnceTheExchangeConfirmsIt() throws Exception {
        start("");
        Order stop = openWithRestingStop();
        f.price(BTC, "50100");

        Submission s = f.trader.forceSell(BTC);

        assertThat(s).isInstanceOf(Submission.Cancelling.class);
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        assertThat(f.gateway.placed).hasSize(2);
        // While the cancel waits, nothing else goes out for BTC: no second stop, no sell.
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(2);

        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();

        Order sell = f.gateway.last();
        assertThat(sell.purpose()).isEqualTo(Purpose.FORCE_SELL);
        assertThat(sell.type()).isEqualTo(OrderRequest.Type.MARKET);
        assertThat(sell.quantity()).isEqualByComparingTo("0.002");
        assertThat(f.store.order(stop.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        f.gateway.fill(sell, "0.002", "50100", "0.1002", now());
        f.drain();
        assertThat(f.trader.positions().get(BTC)).isEmpty();
        // A position without a stop needs none: nothing is placed after it closed.
        f.trader.periodicChecks();
        assertThat(stopsPlaced()).hasSize(1);
    }

    @Test
    void aStopThatFilledBeforeItsCancelClosesThePositionAndNoSellFollows() throws Exception {
        start("");
        Order stop = openWithRestingStop();
        f.price(BTC, "48450");
        f.trader.forceSell(BTC);

        // The exchange answers the cancel: the stop had filled, 0.002 at 48,500 with a fee of 0.097.
        f.gateway.fill(f.gateway.cancels.get(0), "0.002", "48500", "0.097", now());
        f.drain();

        assertThat(f.trader.positions().get(BTC)).isEmpty();
        assertThat(f.gateway.placed).hasSize(2);
        ClosedTrade t = f.store.recentTrades(BTC, 1).get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_ON_EXCHANGE);
        // 0.002 x 48,500 = 97, less the 0.097 fee, less the cost basis 100.1.
        assertThat(t.realisedPnl()).isEqualByComparingTo("-3.197");
        assertThat(t.clientOrderId()).isEqualTo(stop.clientOrderId());
        assertThat(f.alerts.last("position_closed").text())
                .startsWith("Closed by the stop-loss on the exchange: sold 0.002 BTC at 48500");
    }

    @Test
    void aStopThatFilledWhileTheBotWasDownIsFoundAtTheNextStart() throws Exception {
        start("");
        Order stop = openWithRestingStop();

        f.restart();
        f.trader.periodicChecks();

        assertThat(f.gateway.lookups).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        assertThat(stopsPlaced()).hasSize(1);
        f.gateway.fill(f.gateway.lookups.get(0), "0.002", "48480", "0.09696", now());
        f.drain();

        assertThat(f.trader.positions().get(BTC)).isEmpty();
        ClosedTrade t = f.store.recentTrades(BTC, 1).get(0);
        // 0.002 x 48,480 = 96.96, less 0.09696, less 100.1.
        assertThat(t.realisedPnl()).isEqualByComparingTo("-3.23696");
        assertThat(f.alerts.last("position_closed").text()).contains("stop-loss on the exchange")
                .endsWith("(found after the restart)");
    }

    @Test
    void theStopFollowsATrailingStopByCancelAndReplaceOnlyPastItsStepAndInterval() throws Exception {
        // The trailing stop 2 % below the highest price: above the stop-loss from the start, 49,000 at entry.
        start("  trailingStopPct: 2\n");
        Order first = openWithRestingStop();
        assertThat(first.stopPrice()).isEqualByComparingTo("49000");
        assertThat(first.limitPrice()).isEqualByComparingTo("48755");

        // 50,100: the level 49,098 is 98 above the stop, less than the step (0.25 % of 49,000 is 122.50).
        f.clock.advance(Duration.ofSeconds(40));
        f.price(BTC, "50100");
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).isEmpty();

        // 50,200: the level 49,196 is 196 above it, and 40 s is past the 30 s interval: cancel, then replace.
        f.clock.advance(Duration.ofSeconds(5));
        f.price(BTC, "50200");
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(first.clientOrderId());
        assertThat(stopsPlaced()).hasSize(1);
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();
        Order second = f.gateway.last();
        assertThat(second.stopPrice()).isEqualByComparingTo("49196");
        // 49,196 x 0.995 = 48,950.02.
        assertThat(second.limitPrice()).isEqualByComparingTo("48950.02");
        f.gateway.rest(second, now());
        f.drain();

        // 50,400 five seconds later: far enough (49,392), too soon; 30 s after the replacement, it moves.
        f.clock.advance(Duration.ofSeconds(5));
        f.price(BTC, "50400");
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).hasSize(1);
        f.clock.advance(Duration.ofSeconds(25));
        f.price(BTC, "50400");
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId)
                .containsExactly(first.clientOrderId(), second.clientOrderId());
        // Never two stops at once: the third is placed only after the second's cancel is confirmed.
        assertThat(stopsPlaced()).hasSize(2);
    }

    @Test
    void aRefusedStopIsAlertedOnceRetriedWithGrowingDelaysAndAnnouncedWhenItRests() throws Exception {
        start("");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();
        f.gateway.reject(f.gateway.last(), "Filter failure: PERCENT_PRICE_BY_SIDE", now());
        f.drain();

        assertThat(f.alerts.events()).containsOnlyOnce("stop_not_placed");
        assertThat(f.alerts.last("stop_not_placed").text()).contains("48500.00", "Filter failure: "
                + "PERCENT_PRICE_BY_SIDE", "sells at the stop itself");
        assertThat(f.alerts.last("stop_not_placed").data().get("nextTryMs").asLong()).isEqualTo(5_000);

        f.clock.advance(Duration.ofMillis(4_999));
        f.trader.periodicChecks();
        assertThat(stopsPlaced()).hasSize(1);
        f.clock.advance(Duration.ofMillis(1));
        f.trader.periodicChecks();
        assertThat(stopsPlaced()).hasSize(2);
        f.gateway.reject(f.gateway.last(), "Filter failure: PERCENT_PRICE_BY_SIDE", now());
        f.drain();
        assertThat(f.alerts.events()).containsOnlyOnce("stop_not_placed");

        // The second wait is 10 s.
        f.clock.advance(Duration.ofMillis(9_999));
        f.trader.periodicChecks();
        assertThat(stopsPlaced()).hasSize(2);
        f.clock.advance(Duration.ofMillis(1));
        f.trader.periodicChecks();
        assertThat(stopsPlaced()).hasSize(3);
        f.gateway.rest(f.gateway.last(), now());
        f.drain();
        assertThat(f.alerts.last("stop_placed").text()).contains("after 2 failed attempts");
    }

    @Test
    void aStopCancelledOnTheExchangeBySomeoneElseIsAlertedAndPlacedAgain() throws Exception {
        start("");
        Order stop = openWithRestingStop();
        f.clock.advance(Duration.ofSeconds(5));
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());

        f.gateway.cancelled(f.gateway.lookups.get(0), "cancelled on the exchange", now());
        f.drain();

        assertThat(f.alerts.last("stop_cancelled").text()).contains(stop.clientOrderId(), "placed again");
        assertThat(stopsPlaced()).hasSize(2);
        assertThat(f.gateway.last().stopPrice()).isEqualByComparingTo("48500");
    }

    @Test
    void theBotLeavesAPriceBetweenStopAndLimitToTheExchangeAndSellsItselfBelowTheLimit() throws Exception {
        start("");
        Order stop = openWithRestingStop();

        // 48,400: the stop has triggered on the exchange, whose limit 48,257.50 can still be met: asked about (at
        // most once a second), no sell.
        f.price(BTC, "48400");
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).isEmpty();
        f.clock.advance(Duration.ofSeconds(1));
        f.price(BTC, "48400");
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        // Still resting, the exchange says; the next question waits a second after that answer.
        f.clock.advance(Duration.ofMillis(250));
        f.gateway.rest(f.gateway.lookups.get(0), now());
        f.drain();
        f.price(BTC, "48400");
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).hasSize(1);
        f.clock.advance(Duration.ofMillis(1_000));
        f.price(BTC, "48400");
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).hasSize(2);
        assertThat(f.gateway.placed).hasSize(2);
        assertThat(f.gateway.cancels).isEmpty();

        // 48,200: below the limit, the stop may never fill: cancel it, then sell at market.
        f.gateway.rest(f.gateway.lookups.get(1), now());
        f.drain();
        f.price(BTC, "48200");
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();
        Order sell = f.gateway.last();
        assertThat(sell.purpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(sell.type()).isEqualTo(OrderRequest.Type.MARKET);
        assertThat(sell.quantity()).isEqualByComparingTo("0.002");
    }

    @Test
    void aSellDuringTheStopsPlacementWaitsForItToRestCancelsItThenSells() throws Exception {
        start("");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();
        Order stop = f.gateway.last();
        f.price(BTC, "50100");

        // The stop is on its way, unanswered: the sell waits rather than being refused.
        assertThat(f.trader.forceSell(BTC)).isInstanceOf(Submission.Cancelling.class);
        assertThat(f.gateway.cancels).isEmpty();

        f.gateway.rest(stop, now());
        f.drain();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();
        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.FORCE_SELL);
        assertThat(f.gateway.last().quantity()).isEqualByComparingTo("0.002");
    }

    @Test
    void aSellWaitingForAStopTheExchangeRefusesGoesAtOnceWithoutAnAlert() throws Exception {
        start("");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();
        Order stop = f.gateway.last();
        f.price(BTC, "50100");
        f.trader.forceSell(BTC);

        f.gateway.reject(stop, "Filter failure: PERCENT_PRICE_BY_SIDE", now());
        f.drain();

        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.FORCE_SELL);
        assertThat(f.gateway.cancels).isEmpty();
        assertThat(f.alerts.events()).doesNotContain("stop_not_placed");
    }

    @Test
    void aPanicCancelsTheStopsFirstAndItsSummaryCountsTheSellsThatFollowed() throws Exception {
        start("");
        Order stop = openWithRestingStop();
        f.price(BTC, "50100");

        f.trader.panic();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(stop.clientOrderId());
        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", now());
        f.drain();
        Order sell = f.gateway.last();
        assertThat(sell.purpose()).isEqualTo(Purpose.FORCE_SELL);
        assertThat(sell.type()).isEqualTo(OrderRequest.Type.MARKET);
        f.gateway.fill(sell, "0.002", "50100", "0.1002", now());
        f.drain();

        assertThat(f.alerts.last("panic_done").text()).startsWith("Panic over after 0 ms: 1 of 1 position closed at "
                + "market");
    }

    @Test
    void whatAStopSellsInPartsIsBookedAsItComesAndTheStopIsNotMovedForIt() throws Exception {
        start("");
        Order stop = openWithRestingStop();
        f.clock.advance(Duration.ofSeconds(5));
        f.trader.periodicChecks();

        // Half sold at 48,500: 48.5 USDT, fee 0.0485. The position is reduced at once, the trade recorded.
        f.gateway.answer(new com.byninja.bot.orders.GatewayResult.Executed(f.gateway.lookups.get(0),
                com.byninja.bot.domain.ExecutionReport.open(stop.clientOrderId(), "X", new BigDecimal("0.001"),
                        new BigDecimal("48.5"), List.of(new com.byninja.bot.domain.Fee(new BigDecimal("0.0485"),
                                "USDT")), now())));
        f.drain();
        assertThat(f.trader.positions().get(BTC)).hasValueSatisfying(p ->
                assertThat(p.quantity()).isEqualByComparingTo("0.001"));
        assertThat(f.alerts.last("position_reduced").text()).startsWith("Reduced by the stop-loss on the exchange: "
                + "sold 0.001 BTC at 48500");
        // The stop still covers what is left: 0.002 less the 0.001 sold. It is not moved.
        f.clock.advance(Duration.ofSeconds(1));
        f.trader.periodicChecks();
        assertThat(f.gateway.cancels).isEmpty();

        f.gateway.fill(f.gateway.lookups.get(0), "0.002", "48500", "0.097", now());
        f.drain();
        assertThat(f.trader.positions().get(BTC)).isEmpty();
        // Two trades: 0.001 each. 48.5 - 0.0485 - 50.05 = -1.5985 each, the cost basis of 100.1 halved.
        assertThat(f.store.recentTrades(BTC, 5)).extracting(ClosedTrade::realisedPnl)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-1.5985"), new BigDecimal("-1.5985"));
        assertThat(stopsPlaced()).hasSize(1);
    }
}
