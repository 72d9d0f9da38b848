package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.Reports;
import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.Submission;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The money-safety rules of the trading core, each found broken by an audit: limits that count what is still on its
 * way, fills recorded once and never ahead of the store, sells that ask only for what the account holds, exits that
 * are retried sensibly, trades counted on the day they closed, and every order outcome told to the owner.
 */
class MoneySafetyTest {

    static final Symbol SOL = new Symbol("SOL", "USDT");
    static final Symbol XRP = new Symbol("XRP", "USDT");
    static final String FOUR_SYMBOLS_ONE_POSITION = """
            symbols: [BTC/USDT, ETH/USDT, SOL/USDT, XRP/USDT]
            strategy:
              smaCross:
                fastPeriod: 2
                slowPeriod: 3
            risk:
              maxOpenPositions: 1
            """;

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Closes candles whose 2/3 moving averages cross upwards on the last one: a buy signal. */
    void crossUp(Symbol s) {
        for (String c : new String[] {"20", "18", "16", "14", "12", "14", "18"}) {
            f.candle(s, c);
        }
    }

    Order forceBuy(Symbol s, String price) {
        return f.forceBuy(s, price);
    }

    void open(Symbol s, String qty, String price, String fee) {
        f.openPosition(s, qty, price, fee);
    }

    /** Makes every write of a position fail, as a full disk or an I/O error would. */
    void failPositionWrites() throws Exception {
        execute("CREATE TRIGGER injected_failure BEFORE INSERT ON positions "
                + "BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END");
    }

    void execute(String sql) throws Exception {
        f.db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }

    // ---- item 1: pending entries count toward the limits ----------------------------------------------------

    @Test
    void maxOpenPositionsCountsEntriesStillWaitingForTheExchange() throws Exception {
        f = new TraderFixture(dir, FOUR_SYMBOLS_ONE_POSITION);

        // Four symbols signal on the same candle close, before any order result is read.
        for (Symbol s : List.of(BTC, ETH, SOL, XRP)) {
            crossUp(s);
        }

        assertThat(f.gateway.placed).extracting(Order::symbol).containsExactly(BTC);
        assertThat(f.trader.openOrPendingPositions()).isEqualTo(1);

        // Once it fills, the position holds the only place; the other symbols still may not buy.
        f.gateway.fill(f.gateway.last(), "5.5", "18", "0.099", f.clock.instant());
        f.drain();
        crossUp(ETH);
        assertThat(f.gateway.placed).hasSize(1);
    }

    @Test
    void anEntryRejectedByTheExchangeFreesItsPlace() throws Exception {
        f = new TraderFixture(dir, FOUR_SYMBOLS_ONE_POSITION);
        crossUp(BTC);
        f.gateway.reject(f.gateway.last(), "market closed", f.clock.instant());
        f.drain();

        crossUp(ETH);

        assertThat(f.gateway.placed).extracting(Order::symbol).containsExactly(BTC, ETH);
    }

    // ---- item 2: a fill is recorded once, and the book never runs ahead of the store -----------------------

    @Test
    void aFillWhoseWriteFailsPausesTheSymbolAndIsRecordedOnceWhenTheStoreRecovers() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "100");
        failPositionWrites();

        f.gateway.fill(buy, "1", "100", "0.1", f.clock.instant());
        f.drain();

        // Nothing recorded, so nothing in the book; the symbol waits; the owner is told once.
        assertThat(f.trader.positions().get(BTC)).isEmpty();
        assertThat(f.store.order(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(f.trader.pausedByStore()).containsExactly(BTC);
        assertThat(((Submission.Refused) f.trader.forceBuy(BTC, d("50"))).rejection().reason())
                .isEqualTo(RejectReason.STORE_ERROR);
        f.clock.advance(Duration.ofSeconds(1));
        f.trader.periodicChecks();
        f.clock.advance(Duration.ofSeconds(2));
        f.trader.periodicChecks();
        assertThat(f.alerts.events()).containsOnlyOnce("store_error").doesNotContain("position_opened");

        execute("DROP TRIGGER injected_failure");
        f.clock.advance(Duration.ofSeconds(4));
        f.trader.periodicChecks();

        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(f.trader.pausedByStore()).isEmpty();
        assertThat(f.alerts.events()).containsOnlyOnce("position_opened").containsOnlyOnce("store_recovered");

        // A restart finds the one position, and nothing left to look up or apply again.
        f.restart();
        f.trader.periodicChecks();
        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(f.trader.positions().get(BTC).orElseThrow().costBasis()).isEqualByComparingTo("100.1");
        assertThat(f.gateway.lookups).isEmpty();
    }

    @Test
    void aFillNotYetRecordedWhenTheBotDiesIsAppliedOnceAfterTheRestart() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "100");
        failPositionWrites();
        f.gateway.fill(buy, "1", "100", "0.1", f.clock.instant());
        f.drain();
        execute("DROP TRIGGER injected_failure");

        f.restart();
        f.trader.periodicChecks();
        Order lookup = f.gateway.lookups.get(0);
        f.gateway.fill(lookup, "1", "100", "0.1", f.clock.instant());
        f.drain();
        // The same answer delivered twice (a lookup racing the original answer) is applied once.
        f.gateway.fill(lookup, "1", "100", "0.1", f.clock.instant());
        f.drain();

        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(f.store.loadPositions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("1"));
    }

    @Test
    void aSellThatFillsWithoutAPositionIsRecordedWithoutClosingAnything() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");
        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();
        f.gateway.fill(sell, "1", "101", "0.101", f.clock.instant());
        f.drain();
        open(BTC, "2", "50", "0.1");

        // The old sell's answer comes again (a late lookup): it must not close the new position.
        f.gateway.fill(sell, "1", "101", "0.101", f.clock.instant());
        f.drain();

        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("2");
        assertThat(f.store.closedTrades(BTC, null)).hasSize(1);
    }

    // ---- item 3: sells ask for what the account holds; unknown fees are not zero -----------------------------

    @Test
    void aSellAsksForNoMoreThanTheAccountHoldsWhenTheGapIsWithinTwoPercent() throws Exception {
        f = new TraderFixture(dir, "");
        // Bought 0.00166 BTC for 99.6 USDT; the exchange kept 0.00000166 BTC as its fee, not recorded yet.
        open(BTC, "0.00166", "60000", "0");
        f.gateway.balances(Map.of("USDT", d("9900.4"), "BTC", d("0.00165834")));
        f.drain();

        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();

        assertThat(sell.quantity()).isEqualByComparingTo("0.00165834");
        // The position follows the account, its cost scaled with it: 99.6 * 0.00165834 / 0.00166 = 99.5004.
        Position stored = f.store.loadPositions().get(0);
        assertThat(stored.quantity()).isEqualByComparingTo("0.00165834");
        assertThat(stored.entryCost()).isEqualByComparingTo("99.5004");
    }

    @Test
    void matchingAPositionToTheAccountKeepsWhatItCostAndAFeeFoundLaterIsNotTakenOffTwice() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "60000");
        f.gateway.fillFeesUnknown(buy, "0.00166", "60000", f.clock.instant());
        f.gateway.balances(Map.of("USDT", d("9900.4"), "BTC", d("0.00165834")));
        f.drain();
        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();
        f.gateway.reject(sell, "market closed", f.clock.instant());
        f.drain();

        // 0.00000166 BTC went missing: their 0.0996 USDT moved from the cost to the fees, 99.6 paid in all.
        Position matched = f.trader.positions().get(BTC).orElseThrow();
        assertThat(matched.quantity()).isEqualByComparingTo("0.00165834");
        assertThat(matched.entryCost()).isEqualByComparingTo("99.5004");
        assertThat(matched.costBasis()).isEqualByComparingTo("99.6");

        f.clock.advance(Duration.ofSeconds(5));
        f.trader.periodicChecks();
        Order lookup = f.gateway.lookups.stream().filter(o -> o.clientOrderId().equals(buy.clientOrderId()))
                .findFirst().orElseThrow();
        f.gateway.answer(new GatewayResult.Executed(lookup, Reports.filled(buy.clientOrderId(), "X1", "0.00166",
                "60000", "0.00000166", "BTC", f.clock.instant())));
        f.drain();

        // The fee explains the gap the sell already took off: the position stays what the account holds.
        Position after = f.trader.positions().get(BTC).orElseThrow();
        assertThat(after.quantity()).isEqualByComparingTo("0.00165834");
        assertThat(after.costBasis()).isEqualByComparingTo("99.6");
    }

    @Test
    void aLateAnswerWithoutAFillDoesNotUndoARecordedFill() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "100");
        f.gateway.fill(buy, "1", "100", "0.1", f.clock.instant());
        f.drain();

        f.gateway.notFound(buy);
        f.gateway.reject(buy, "unknown order", f.clock.instant());
        f.drain();

        assertThat(f.store.order(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(f.alerts.events()).containsExactly("position_opened");
    }

    @Test
    void aSellFarAboveTheFreeBalanceIsLeftToTheExchangeAndItsRefusalBringsFreshBalances() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");
        f.gateway.balances(Map.of("USDT", d("9899.9"), "BTC", d("0.5")));
        f.drain();
        f.price(BTC, "97");

        f.trader.periodicChecks();
        Order first = f.gateway.last();
        assertThat(first.quantity()).isEqualByComparingTo("1");
        f.gateway.rejectForBalance(first, f.clock.instant());
        f.drain();
        assertThat(f.gateway.balanceRefreshes).isEqualTo(1);

        // Fresh balances show the coins are all there after all; the stop-loss goes again after 2 s.
        f.gateway.balances(Map.of("USDT", d("9899.9"), "BTC", d("1")));
        f.drain();
        f.clock.advance(Duration.ofMillis(1_999));
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(2);
        f.clock.advance(Duration.ofMillis(1));
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(3);
        assertThat(f.gateway.last().quantity()).isEqualByComparingTo("1");
    }

    @Test
    void anUnknownFeeIsLookedUpUntilFoundAndThenMakesThePositionWhatTheAccountHolds() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "60000");
        f.gateway.fillFeesUnknown(buy, "0.00166", "60000", f.clock.instant());
        f.drain();

        Order recorded = f.store.order(buy.clientOrderId()).orElseThrow();
        assertThat(recorded.feesKnown()).isFalse();
        assertThat(recorded.fees()).isEmpty();
        assertThat(f.alerts.last().text()).contains("fee not known yet");

        // The trades did not answer the first time either.
        f.clock.advance(Duration.ofSeconds(5));
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).extracting(Order::clientOrderId).containsExactly(buy.clientOrderId());
        f.gateway.fillFeesUnknown(f.gateway.lookups.get(0), "0.00166", "60000", f.clock.instant());
        f.drain();
        f.clock.advance(Duration.ofSeconds(9));
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).hasSize(1);
        f.clock.advance(Duration.ofSeconds(1));
        f.trader.periodicChecks();
        assertThat(f.gateway.lookups).hasSize(2);

        f.gateway.answer(new GatewayResult.Executed(f.gateway.lookups.get(1), Reports.filled(buy.clientOrderId(),
                "X1", "0.00166", "60000", "0.00000166", "BTC", f.clock.instant())));
        f.drain();

        // 0.00166 - 0.00000166 = 0.00165834 held; the 0.0996 USDT those coins cost (at 60000) is a fee.
        Position p = f.trader.positions().get(BTC).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("0.00165834");
        assertThat(p.entryCost()).isEqualByComparingTo("99.5004");
        assertThat(p.entryFees()).isEqualByComparingTo("0.0996");
        assertThat(f.store.loadPositions().get(0).quantity()).isEqualByComparingTo("0.00165834");
        Order updated = f.store.order(buy.clientOrderId()).orElseThrow();
        assertThat(updated.feesKnown()).isTrue();
        assertThat(updated.fees()).containsExactly(new Fee(d("0.00000166"), "BTC"));
    }

    @Test
    void feesInSeveralCurrenciesAreKeptApartAndOnlyThoseInTheTradedCurrenciesMoveThePosition() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "60000");
        f.gateway.answer(new GatewayResult.Executed(buy, com.byninja.bot.domain.ExecutionReport.executed(
                buy.clientOrderId(), "X1", com.byninja.bot.domain.ExecutionReport.Status.FILLED, d("0.002"),
                d("120"), List.of(new Fee(d("0.000001"), "BTC"), new Fee(d("0.00025"), "BNB")),
                f.clock.instant())));
        f.drain();

        Position p = f.trader.positions().get(BTC).orElseThrow();
        // 0.002 - 0.000001 BTC held; the BTC fee is worth 0.000001 * 60000 = 0.06 USDT; the BNB fee is not valued.
        assertThat(p.quantity()).isEqualByComparingTo("0.001999");
        assertThat(p.entryFees()).isEqualByComparingTo("0.06");
        assertThat(f.store.feesPaid(null, null)).containsExactly(Map.entry("USDT", d("0.06")),
                Map.entry("BNB", d("0.00025")));
        assertThat(f.alerts.last().text()).contains("fee 0.000001 BTC + 0.00025 BNB");
    }

    // ---- item 4: protective exits retried sensibly -----------------------------------------------------------

    @Test
    void aRefusedStopLossBacksOffWithOneAlertPerEpisodeAndOneWhenItGoesThrough() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");
        f.alerts.alerts.clear();
        f.price(BTC, "97");

        // Ten minutes of refusals, checked every second: tries at 0, 10, 30, 70, 150 and 310 s (doubling from 10 s).
        for (int second = 0; second < 600; second++) {
            f.price(BTC, "97");
            f.trader.periodicChecks();
            Order last = f.gateway.last();
            if (last.side() == com.byninja.bot.domain.OrderRequest.Side.SELL
                    && f.trader.orders().inFlight(BTC).isPresent()) {
                f.gateway.reject(last, "order refused: market is in maintenance", f.clock.instant());
                f.drain();
            }
            f.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(f.gateway.placed.stream().filter(o -> o.purpose() == Purpose.STOP_LOSS)).hasSize(6);
        assertThat(f.alerts.events()).containsExactly("stop_loss_hit", "exit_refused");
        assertThat(f.alerts.alerts.get(1).text()).isEqualTo("The exchange refused the stop-loss sell: "
                + "order refused: market is in maintenance. The position stays protected: the bot tries again in 10 s, "
                + "then less often (at most every 10 min), and says when it goes through.");

        f.clock.advance(Duration.ofSeconds(30));
        f.trader.periodicChecks();
        f.gateway.fill(f.gateway.last(), "1", "97", "0.097", f.clock.instant());
        f.drain();
        assertThat(f.alerts.events()).containsExactly("stop_loss_hit", "exit_refused", "position_closed",
                "exit_recovered");
        assertThat(f.alerts.last("exit_recovered").text()).isEqualTo("The stop-loss sell went through after 6 refused "
                + "attempts.");
    }

    @Test
    void aStopLossThatNeverReachedTheExchangeIsSentAgainAtTheNextCheck() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");
        f.price(BTC, "97");
        f.trader.periodicChecks();
        Order first = f.gateway.last();

        f.gateway.notFound(first);
        f.drain();
        f.trader.periodicChecks();

        assertThat(f.gateway.placed).hasSize(3);
        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(f.alerts.events()).containsOnlyOnce("stop_loss_hit");
    }

    // ---- item 5: a trade counts on the day it closed ---------------------------------------------------------

    @Test
    void aSellThatFilledBeforeMidnightButIsFoundAfterItCountsOnTheDayItClosed() throws Exception {
        f = new TraderFixture(dir, "risk:\n  dailyLossLimit: 5\n");
        f.clock.set(Instant.parse("2026-03-01T23:58:00Z"));
        open(BTC, "1", "100", "0.1");
        f.price(BTC, "90");
        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();
        Instant filledAt = Instant.parse("2026-03-01T23:59:30Z");

        f.clock.set(Instant.parse("2026-03-02T00:00:20Z"));
        f.trader.periodicChecks();
        f.gateway.fill(sell, "1", "90", "0.09", filledAt);
        f.drain();

        // A loss of 10.19 yesterday: today is untouched and buying goes on.
        assertThat(f.store.closedTrades(BTC, null).get(0).realisedPnl()).isEqualByComparingTo("-10.19");
        assertThat(f.trader.snapshot().realisedToday()).isEqualByComparingTo("0");
        assertThat(f.trader.snapshot().dailyLossLimitReached()).isFalse();
        assertThat(f.alerts.events()).doesNotContain("daily_loss_limit");
    }

    // ---- item 10: unrealised PnL --------------------------------------------------------------------------

    @Test
    void unrealisedPnlLeavesOutTheExitFeeAndAStalePriceIsMarked() throws Exception {
        f = new TraderFixture(dir, "marketData:\n  staleAfterMs: 15000\n");
        open(BTC, "2", "50", "0.1");
        f.price(BTC, "49");
        Position p = f.trader.positions().get(BTC).orElseThrow();

        // The fixture's exchange charges no fee: 2 * 49 - 100.1 = -2.1
        assertThat(f.trader.mark(p).orElseThrow().unrealisedPnl()).isEqualByComparingTo("-2.1");
        assertThat(f.trader.mark(p).orElseThrow().stale()).isFalse();
        f.clock.advance(Duration.ofSeconds(16));
        assertThat(f.trader.mark(p).orElseThrow().stale()).isTrue();
        assertThat(f.trader.mark(p).orElseThrow().ageMs()).isEqualTo(16_000);
        // With a 0.1 % fee: 98 - 0.098 - 100.1 = -2.198
        assertThat(p.unrealisedPnl(d("49"), d("0.1"))).isEqualByComparingTo("-2.198");
    }

    // ---- item 14: a position on a symbol removed from the configuration --------------------------------------

    @Test
    void aPositionOnASymbolRemovedFromTheConfigurationStaysVisibleProtectedAndClosable() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");
        f.close();

        f = new TraderFixture(dir, "symbols: [ETH/USDT]\n");

        assertThat(f.trader.symbols()).containsExactly(ETH, BTC);
        assertThat(f.trader.unconfigured()).containsExactly(BTC);
        assertThat(f.trader.positions().get(BTC)).isPresent();
        assertThat(f.alerts.events()).containsExactly("unconfigured_position");
        assertThat(f.alerts.last().text()).isEqualTo("No longer in the configuration, but the bot holds a "
                + "position of 1 BTC here from an earlier run. It stays priced and protected by its stops; close it "
                + "with /forcesell BTC/USDT, or add BTC/USDT back to symbols.");
        assertThat(((Submission.Refused) f.trader.forceBuy(BTC, d("50"))).rejection().reason())
                .isEqualTo(RejectReason.ORDER_SYMBOL_NOT_CONFIGURED);

        f.price(BTC, "97");
        f.trader.periodicChecks();
        assertThat(f.gateway.last().purpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(f.gateway.last().symbol()).isEqualTo(BTC);
    }

    // ---- item 15: alerts are written with their event --------------------------------------------------------

    @Test
    void aFillsAlertIsInTheOutboxFromTheSameTransaction() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");

        assertThat(f.store.outbox()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("Opened by /forcebuy: bought 1 BTC at 100 for 100.00 USDT, fee 0.10 "
                    + "USDT");
            assertThat(a.symbol()).isEqualTo("BTC/USDT");
            assertThat(a.data().path("event").asText()).isEqualTo("position_opened");
        });
    }

    // ---- item 17: every order outcome found at recovery is told ----------------------------------------------

    @Test
    void aForcedSellCutOffByACrashIsReportedAfterTheRestart() throws Exception {
        f = new TraderFixture(dir, "");
        open(BTC, "1", "100", "0.1");
        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();

        f.restart();
        f.trader.periodicChecks();
        f.gateway.notFound(f.gateway.lookups.get(0));
        f.drain();

        assertThat(f.store.order(sell.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.trader.positions().get(BTC)).isPresent();
        assertThat(f.alerts.last().event()).isEqualTo("order_not_placed");
        assertThat(f.alerts.last().text()).isEqualTo("After the restart: sell order " + sell.clientOrderId()
                + ", placed by /forcesell, never reached the exchange before the bot stopped, so it was not placed. "
                + "Send /forcesell BTC/USDT again if you still want it.");
    }

    @Test
    void aBuyFilledBeforeACrashIsToldAsFoundAfterTheRestart() throws Exception {
        f = new TraderFixture(dir, "");
        Order buy = forceBuy(BTC, "100");

        f.restart();
        f.trader.periodicChecks();
        f.gateway.fill(f.gateway.lookups.get(0), "1", "100", "0.1", f.clock.instant());
        f.drain();

        assertThat(f.alerts.last().text()).isEqualTo("Opened by /forcebuy: bought 1 BTC at 100 for 100.00 USDT, "
                + "fee 0.10 USDT (found after the restart)");
        assertThat(f.store.order(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    // ---- a lost answer on a live account -----------------------------------------------------------------

    @Test
    void anOrderWhoseAnswerWasLostIsLookedUpThroughTheWindowAndAppliedWhenItAppearsLate() throws Exception {
        f = new TraderFixture(dir, "", 120_000);
        Order buy = forceBuy(BTC, "100");
        f.gateway.unknown(buy);
        f.drain();

        f.clock.advance(Duration.ofSeconds(1));
        f.trader.periodicChecks();
        f.gateway.notFound(f.gateway.lookups.get(0));
        f.drain();
        // Not on the exchange yet, but it may still appear: the order stays NEW and BTC/USDT waits for it.
        assertThat(f.store.order(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(((Submission.Refused) f.trader.forceBuy(BTC, d("50"))).rejection().reason())
                .isEqualTo(RejectReason.ORDER_IN_FLIGHT);

        f.clock.advance(Duration.ofSeconds(2));
        f.trader.periodicChecks();
        f.gateway.fill(f.gateway.lookups.get(1), "1", "100", "0.1", f.clock.instant());
        f.drain();

        assertThat(f.trader.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(f.gateway.placed).hasSize(1);
    }

    @Test
    void anOrderNeverSeenWithinTheWindowIsToldAndLeftForTheNextStart() throws Exception {
        f = new TraderFixture(dir, "", 120_000);
        Order buy = forceBuy(BTC, "100");
        f.gateway.unknown(buy);
        f.drain();

        for (int i = 0; i < 400 && f.trader.orders().inFlight(BTC).isPresent(); i++) {
            f.clock.advance(Duration.ofSeconds(1));
            int asked = f.gateway.lookups.size();
            f.trader.periodicChecks();
            if (f.gateway.lookups.size() > asked) {
                f.gateway.notFound(f.gateway.lookups.get(asked));
                f.drain();
            }
        }

        // Looked up at 1, 3, 7, 15, 31, 63 and 120 s after it was made (doubling delays, the last at the window's end).
        assertThat(f.gateway.lookups).hasSize(7);
        assertThat(f.clock.instant()).isEqualTo(buy.createdAt().plusSeconds(120));
        assertThat(f.alerts.last().event()).isEqualTo("order_unknown");
        assertThat(f.alerts.last().text()).isEqualTo("Order " + buy.clientOrderId() + " (buy, placed by /forcebuy) "
                + "got no answer and simulated has not shown it in 2 min. The bot treats it as not placed and trades "
                + "here again; it looks it up once more at the next start. Check it on simulated.");
        assertThat(f.store.order(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        f.price(BTC, "100");
        assertThat(f.trader.forceBuy(BTC, d("50"))).isInstanceOf(Submission.Sent.class);
    }
}
