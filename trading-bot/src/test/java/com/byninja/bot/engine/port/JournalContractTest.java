package com.byninja.bot.engine.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.byninja.bot.Reports;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EntryLock.Kind;
import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.positions.PositionBook;
import com.byninja.bot.replay.InMemoryJournal;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journals' contract, as the engine relies on it, run against the SQLite store on a real file and against the
 * in-memory journal a replay uses: the same scenarios, the same exact numbers.
 */
class JournalContractTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** The quantity step: a sell leaving less than this closes the position and leaves the rest as dust. */
    static final BigDecimal STEP = new BigDecimal("0.0001");

    @Nested
    class Sqlite extends Contract<TradingStore> {

        @TempDir
        Path dir;
        Database db;

        @Override
        TradingStore open() throws Exception {
            db = Database.open(dir.resolve("bot.db"));
            return new TradingStore(db);
        }

        @AfterEach
        void close() throws SQLException {
            db.close();
        }
    }

    @Nested
    class InMemory extends Contract<InMemoryJournal> {

        @Override
        InMemoryJournal open() {
            return InMemoryJournal.keepingDecisions();
        }
    }

    abstract static class Contract<J extends OrderJournal & PositionJournal & ControlJournal & DecisionJournal
            & LockJournal & EquityJournal> {

        J journal;
        final PositionBook book = new PositionBook(s -> STEP);

        abstract J open() throws Exception;

        @BeforeEach
        void openJournal() throws Exception {
            journal = open();
        }

        @Test
        void anOrderComesBackAsDecidedAndAnUpdateChangesOnlyWhatTheExchangeAnswered() throws Exception {
            // Times are kept to the millisecond: 10:00:00.00025 comes back as 10:00:00.
            Order b1 = Order.newOrder(OrderRequest.buy("b1", BTC, new BigDecimal("100.10")), Purpose.FORCE_BUY,
                    T0.plusNanos(250_000));
            journal.insertOrder(b1);
            Order r1 = insert(buy("r1", ETH, "50", T0.plusSeconds(1)));

            Order stored = journal.order("b1").orElseThrow();
            assertThat(stored.createdAt()).isEqualTo(T0);
            assertThat(stored.updatedAt()).isEqualTo(T0);
            assertThat(stored).isEqualTo(new Order("b1", BTC, Side.BUY, Purpose.FORCE_BUY,
                    new BigDecimal("100.10"), null, OrderStatus.NEW, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                    true, null, null, T0, T0));

            // An update claiming another purpose, amount and creation time changes none of them.
            journal.updateOrder(new Order("b1", BTC, Side.BUY, Purpose.ENTRY, new BigDecimal("999"), null,
                    OrderStatus.CANCELLED, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), true, null,
                    "the exchange is closed", T0.plusSeconds(9), T0.plusSeconds(5)));
            journal.updateOrder(r1.withReport(ExecutionReport.rejected("r1", Refusal.INSUFFICIENT_BALANCE,
                    "Account has insufficient balance", T0.plusSeconds(2))));

            assertThat(journal.order("b1")).contains(new Order("b1", BTC, Side.BUY, Purpose.FORCE_BUY,
                    new BigDecimal("100.10"), null, OrderStatus.CANCELLED, null, BigDecimal.ZERO, BigDecimal.ZERO,
                    List.of(), true, null, "the exchange is closed", T0, T0.plusSeconds(5)));
            Order rejected = journal.order("r1").orElseThrow();
            assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(rejected.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
            assertThat(rejected.reason()).isEqualTo("Account has insufficient balance");
            assertThat(journal.ordersWithStatus(OrderStatus.NEW)).isEmpty();
            assertThat(journal.ordersWithStatus(OrderStatus.CANCELLED)).extracting(Order::clientOrderId)
                    .containsExactly("b1");
            assertThat(journal.isApplied("b1")).isFalse();
            assertThat(journal.order("nobody")).isEmpty();
        }

        @Test
        void writesTheStoreWouldRefuseThrowAndChangeNothing() throws Exception {
            Order b1 = insert(buy("b1", BTC, "100", T0));

            assertThatThrownBy(() -> journal.insertOrder(buy("b1", ETH, "5", T0.plusSeconds(1))))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> journal.updateOrder(buy("ghost", BTC, "1", T0)))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> journal.recordFees(buy("ghost", BTC, "1", T0), null, BigDecimal.ZERO))
                    .isInstanceOf(SQLException.class);

            assertThat(journal.order("b1")).contains(b1);
            assertThat(journal.order("ghost")).isEmpty();
            assertThat(journal.ordersWithStatus(OrderStatus.NEW)).containsExactly(b1);
        }

        @Test
        void aBuyThenAPartialAndAClosingSellGiveExactPositionsTradesFeesAndDust() throws Exception {
            // 0.002 BTC for 0.002 * 50000 = 100.000 USDT, fee 0.1 USDT
            fill(filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT", T0.plusSeconds(1)));
            // half of it for 0.001 * 51000 = 51.000, fee 0.051 USDT: it carries 100.000 * 0.001 / 0.002 = 50 of the
            // cost and 0.1 * 0.001 / 0.002 = 0.05 of the fees, so PnL = 51.000 - 0.051 - 50 - 0.05 = 0.899
            fill(filled(insert(sell("s1", BTC, "0.001", T0.plusSeconds(59))), "0.001", "51000", "0.051", "USDT",
                    T0.plusSeconds(60)));

            assertThat(journal.loadPositions()).singleElement().satisfies(p -> {
                assertThat(p.quantity()).isEqualByComparingTo("0.001"); // 0.002 - 0.001
                assertThat(p.entryCost()).isEqualByComparingTo("50"); // 100.000 - 50
                assertThat(p.entryFees()).isEqualByComparingTo("0.05"); // 0.1 - 0.05
                assertThat(p.openedAt()).isEqualTo(T0.plusSeconds(1));
                assertThat(p.highestPrice()).isEqualByComparingTo("50000"); // 100.000 / 0.002
            });

            // 0.00095 for 0.00095 * 52000 = 49.4, fee 0.0001 BNB (not in the PnL); 0.001 - 0.00095 = 0.00005 is less
            // than a step: the position closes with all its cost, PnL = 49.4 - 50 - 0.05 = -0.65, 0.00005 BTC is dust
            fill(filled(insert(sell("s2", BTC, "0.00095", T0.plusSeconds(119))), "0.00095", "52000", "0.0001", "BNB",
                    T0.plusSeconds(120)));

            assertThat(journal.loadPositions()).isEmpty();
            List<ClosedTrade> trades = journal.closedTrades(BTC, null);
            assertThat(trades).extracting(ClosedTrade::clientOrderId).containsExactly("s1", "s2");
            assertTrade(trades.get(0), "0.001", "50", "0.05", "51000", "0.051", "0.899");
            assertTrade(trades.get(1), "0.00095", "50", "0.05", "52000", "0", "-0.65");
            assertThat(trades).extracting(ClosedTrade::openedAt).containsOnly(T0.plusSeconds(1));
            assertThat(trades).extracting(ClosedTrade::closedAt).containsExactly(T0.plusSeconds(60),
                    T0.plusSeconds(120));
            assertThat(trades).extracting(ClosedTrade::exitPurpose).containsOnly(Purpose.EXIT);
            // fees per currency, never added across: 0.1 + 0.051 = 0.151 USDT, and 0.0001 BNB
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("0.151")),
                    entry("BNB", new BigDecimal("0.0001")));
            assertThat(journal.dust()).containsExactly(entry("BTC", new BigDecimal("0.00005")));
            assertThat(journal.ordersWithStatus(OrderStatus.FILLED)).extracting(Order::clientOrderId)
                    .containsExactly("b1", "s1", "s2");
        }

        @Test
        void aFeeInTheCoinBoughtShrinksThePositionAndCountsInTheQuoteCurrency() throws Exception {
            // 0.5 ETH for 0.5 * 3000 = 1500.0 USDT, fee 0.0005 ETH worth 0.0005 * 1500.0 / 0.5 = 1.5 USDT
            fill(filled(insert(buy("e1", ETH, "1500", T0)), "0.5", "3000", "0.0005", "ETH", T0.plusSeconds(1)));
            fill(filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT", T0.plusSeconds(2)));

            List<Position> positions = journal.loadPositions();
            assertThat(positions).extracting(Position::symbol).containsExactly(BTC, ETH);
            Position eth = positions.get(1);
            assertThat(eth.quantity()).isEqualByComparingTo("0.4995"); // 0.5 - 0.0005
            assertThat(eth.entryCost()).isEqualByComparingTo("1498.5"); // 1500.0 - 1.5
            assertThat(eth.entryFees()).isEqualByComparingTo("1.5");
            assertThat(journal.feesPaid(ETH, null)).containsExactly(entry("USDT", new BigDecimal("1.5")));
            // 1.5 + 0.1
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("1.6")));
        }

        @Test
        void aFillIsAppliedOnceAndASecondRecordChangesNothing() throws Exception {
            Order filled = filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT",
                    T0.plusSeconds(1));
            fill(filled);
            // What the book would make of it a second time: twice the position.
            FillOutcome again = book.outcomeOf(filled);
            assertThat(again.after().quantity()).isEqualByComparingTo("0.004");

            assertThat(journal.recordFill(filled, again, List.of())).isFalse();
            Order ghost = filled(buy("ghost", BTC, "100", T0), "1", "50000", "0", "USDT", T0.plusSeconds(1));
            assertThat(journal.recordFill(ghost, book.outcomeOf(ghost), List.of())).isFalse();

            assertThat(journal.isApplied("b1")).isTrue();
            assertThat(journal.isApplied("ghost")).isFalse();
            assertThat(journal.order("ghost")).isEmpty();
            assertThat(journal.loadPositions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.002"));
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("0.1")));
        }

        @Test
        void aSliceOfARestingOrderIsInsertedAndAppliedOnceAndListedWithItsOrder() throws Exception {
            Order limit = insert(Order.newOrder(OrderRequest.limitBuy("l1", BTC, new BigDecimal("100"),
                    new BigDecimal("50000"), false), Purpose.ENTRY, T0));
            Order slice = limit.slice(1, new BigDecimal("0.0006"), new BigDecimal("30"),
                    List.of(new Fee(new BigDecimal("0.03"), "USDT")), T0.plusSeconds(5));
            assertThat(slice.clientOrderId()).isEqualTo("l1/1");

            assertThat(journal.recordSlice(slice, book.apply(slice), List.of(alert("a-1")))).isTrue();
            assertThat(journal.recordSlice(slice, book.outcomeOf(slice), List.of(alert("a-2")))).isFalse();

            assertThat(journal.isApplied("l1/1")).isTrue();
            assertThat(journal.isApplied("l1")).isFalse();
            assertThat(journal.slicesOf("l1")).containsExactly(slice);
            assertThat(journal.loadPositions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.0006"));
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("0.03")));

            // A slice whose alert cannot be written leaves nothing: not even its row.
            Order second = limit.slice(2, new BigDecimal("0.0004"), new BigDecimal("20"), List.of(),
                    T0.plusSeconds(9));
            assertThatThrownBy(() -> journal.recordSlice(second, book.outcomeOf(second), List.of(alert("a-1"))))
                    .isInstanceOf(SQLException.class);
            assertThat(journal.order("l1/2")).isEmpty();
            assertThat(journal.slicesOf("l1")).hasSize(1);
        }

        @Test
        void aFillWhoseAlertCannotBeWrittenIsNotApplied() throws Exception {
            Order bought = filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT",
                    T0.plusSeconds(1));
            assertThat(journal.recordFill(bought, book.apply(bought), List.of(alert("a-1")))).isTrue();
            Order sold = filled(insert(sell("s1", BTC, "0.002", T0.plusSeconds(59))), "0.002", "51000", "0",
                    "USDT", T0.plusSeconds(60));

            // An alert id is unique: a second alert a-1 cannot be written, so neither is the fill.
            assertThatThrownBy(() -> journal.recordFill(sold, book.outcomeOf(sold), List.of(alert("a-1"))))
                    .isInstanceOf(SQLException.class);
            assertThat(journal.isApplied("s1")).isFalse();
            assertThat(journal.order("s1").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
            assertThat(journal.loadPositions()).hasSize(1);
            assertThat(journal.closedTrades(null, null)).isEmpty();

            assertThat(journal.recordFill(sold, book.outcomeOf(sold), List.of(alert("a-2")))).isTrue();
            assertThat(journal.loadPositions()).isEmpty();
        }

        @Test
        void feesFoundAfterABuyShrinkThePositionByTheCoinsTaken() throws Exception {
            Order b1 = insert(buy("b1", BTC, "100", T0));
            // 0.002 BTC for 0.002 * 50000 = 100.000 USDT, fees not known yet: the position holds all 0.002
            Order bought = filledFeesUnknown(b1, "0.002", "50000", T0.plusSeconds(1));
            fill(bought);
            assertThat(journal.ordersWithUnknownFees()).extracting(Order::clientOrderId).containsExactly("b1");

            // The fee was 0.000002 BTC, worth 0.000002 * 50000 = 0.1 USDT: those coins leave the position, their
            // cost becomes a fee (as the trader works it out).
            Order withFees = bought.withFees(List.of(new Fee(new BigDecimal("0.000002"), "BTC")));
            Position after = journal.loadPositions().get(0).withCoinsTakenAsFee(new BigDecimal("0.000002"),
                    new BigDecimal("0.1"));
            journal.recordFees(withFees, after, BigDecimal.ZERO);

            assertThat(journal.loadPositions()).singleElement().satisfies(p -> {
                assertThat(p.quantity()).isEqualByComparingTo("0.001998"); // 0.002 - 0.000002
                assertThat(p.entryCost()).isEqualByComparingTo("99.9"); // 100.000 - 0.1
                assertThat(p.entryFees()).isEqualByComparingTo("0.1");
            });
            assertThat(journal.ordersWithUnknownFees()).isEmpty();
            Order stored = journal.order("b1").orElseThrow();
            assertThat(stored.fees()).containsExactly(new Fee(new BigDecimal("0.000002"), "BTC"));
            assertThat(stored.feesKnown()).isTrue();
            assertThat(journal.isApplied("b1")).isTrue();
            // 0.000002 * 100.000 / 0.002
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("0.1")));
        }

        @Test
        void feesFoundAfterASellAddToItsTradesExitFeesAndLowerItsPnl() throws Exception {
            fill(filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT", T0.plusSeconds(1)));
            // all of it for 0.002 * 51000 = 102.000, fees not known yet: PnL = 102.000 - 100.000 - 0.1 = 1.9
            Order sold = filledFeesUnknown(insert(sell("s1", BTC, "0.002", T0.plusSeconds(59))), "0.002", "51000",
                    T0.plusSeconds(60));
            fill(sold);
            assertTrade(journal.closedTrades(null, null).get(0), "0.002", "100", "0.1", "51000", "0", "1.9");

            // The fee was 0.102 USDT: exit fees 0 + 0.102, PnL 1.9 - 0.102 = 1.798
            journal.recordFees(sold.withFees(List.of(new Fee(new BigDecimal("0.102"), "USDT"))), null,
                    new BigDecimal("0.102"));

            assertThat(journal.closedTrades(null, null)).singleElement()
                    .satisfies(t -> assertTrade(t, "0.002", "100", "0.1", "51000", "0.102", "1.798"));
            assertThat(journal.loadPositions()).isEmpty();
            assertThat(journal.ordersWithUnknownFees()).isEmpty();
            // 0.1 + 0.102
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("0.202")));
        }

        @Test
        void switchesComeBackAsLastSavedInTheOrderTheScopesWereFirstSaved() throws Exception {
            assertThat(journal.loadFlags()).isEmpty();

            journal.saveFlags(ControlJournal.GLOBAL_SCOPE, new Flags(false, true, true));
            journal.saveFlags("BTC/USDT", new Flags(true, false, true));
            journal.saveFlags(ControlJournal.GLOBAL_SCOPE, new Flags(true, true, false));

            assertThat(journal.loadFlags()).containsExactly(
                    entry(ControlJournal.GLOBAL_SCOPE, new Flags(true, true, false)),
                    entry("BTC/USDT", new Flags(true, false, true)));
        }

        @Test
        void closedTradesAndFeesPaidAreFilteredBySymbolAndSinceToTheMillisecond() throws Exception {
            // BTC: 0.002 * 50000 = 100.000 bought (fee 0.1), sold for 0.002 * 51000 = 102.000 (fee 0.102) at +60 s
            fill(filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT", T0.plusSeconds(1)));
            // ETH: 0.5 * 3000 = 1500.0 bought (fee 1.5), sold for 0.5 * 3100 = 1550.0 (fee 1.55) at +120 s
            fill(filled(insert(buy("e1", ETH, "1500", T0)), "0.5", "3000", "1.5", "USDT", T0.plusSeconds(2)));
            fill(filled(insert(sell("s1", BTC, "0.002", T0.plusSeconds(59))), "0.002", "51000", "0.102", "USDT",
                    T0.plusSeconds(60)));
            fill(filled(insert(sell("e2", ETH, "0.5", T0.plusSeconds(119))), "0.5", "3100", "1.55", "USDT",
                    T0.plusSeconds(120)));

            assertThat(ids(journal.closedTrades(null, null))).containsExactly("s1", "e2");
            assertThat(ids(journal.closedTrades(ETH, null))).containsExactly("e2");
            assertThat(ids(journal.closedTrades(null, T0.plusSeconds(60)))).containsExactly("s1", "e2");
            // 10:01:00.000999 is within the millisecond s1 closed in
            assertThat(ids(journal.closedTrades(null, T0.plusSeconds(60).plusNanos(999_999))))
                    .containsExactly("s1", "e2");
            assertThat(ids(journal.closedTrades(null, T0.plusMillis(60_001)))).containsExactly("e2");
            assertThat(journal.closedTrades(BTC, T0.plusSeconds(61))).isEmpty();
            // PnL: BTC 102.000 - 0.102 - 100.000 - 0.1 = 1.798; ETH 1550.0 - 1.55 - 1500.0 - 1.5 = 46.95
            assertThat(journal.closedTrades(null, null)).extracting(ClosedTrade::realisedPnl)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("1.798"), new BigDecimal("46.95"));

            // 0.1 + 1.5 + 0.102 + 1.55 = 3.252
            assertThat(journal.feesPaid(null, null)).containsExactly(entry("USDT", new BigDecimal("3.252")));
            // 0.1 + 0.102
            assertThat(journal.feesPaid(BTC, null)).containsExactly(entry("USDT", new BigDecimal("0.202")));
            // the sells only: 0.102 + 1.55
            assertThat(journal.feesPaid(null, T0.plusSeconds(60))).containsExactly(entry("USDT",
                    new BigDecimal("1.652")));
            assertThat(journal.feesPaid(ETH, T0.plusSeconds(121))).isEmpty();
        }

        @Test
        void ordersComeOldestFirstAndThoseOfTheSameMillisecondInTheOrderInserted() throws Exception {
            insert(buy("z-late", BTC, "10", T0.plusSeconds(2)));
            insert(buy("y-early", BTC, "10", T0.plusSeconds(1)));
            insert(buy("a-early-too", ETH, "10", T0.plusSeconds(1).plusNanos(300_000)));
            // executed with unknown fees, created at +5 s and +4 s; one with known fees
            fill(filledFeesUnknown(insert(buy("u-later", BTC, "10", T0.plusSeconds(5))), "0.0002", "50000",
                    T0.plusSeconds(6)));
            fill(filledFeesUnknown(insert(buy("u-sooner", BTC, "10", T0.plusSeconds(4))), "0.0002", "50000",
                    T0.plusSeconds(7)));
            fill(filled(insert(buy("k", BTC, "10", T0.plusSeconds(3))), "0.0002", "50000", "0.01", "USDT",
                    T0.plusSeconds(8)));

            assertThat(journal.ordersWithStatus(OrderStatus.NEW)).extracting(Order::clientOrderId)
                    .containsExactly("y-early", "a-early-too", "z-late");
            assertThat(journal.ordersWithStatus(OrderStatus.FILLED)).extracting(Order::clientOrderId)
                    .containsExactly("k", "u-sooner", "u-later");
            assertThat(journal.ordersWithUnknownFees()).extracting(Order::clientOrderId)
                    .containsExactly("u-sooner", "u-later");
            assertThat(journal.isApplied("y-early")).isFalse();
            assertThat(journal.isApplied("u-sooner")).isTrue();
        }

        @Test
        void dustAddsUpPerAssetAndCanBeSet() throws Exception {
            journal.setDust("ETH", new BigDecimal("0.0003"));
            // two round trips, each selling 0.00095 of 0.001 and leaving 0.00005 (less than a step) as dust
            for (int i = 1; i <= 2; i++) {
                fill(filled(insert(buy("b" + i, BTC, "50", T0.plusSeconds(10L * i))), "0.001", "50000", "0", "USDT",
                        T0.plusSeconds(10L * i + 1)));
                fill(filled(insert(sell("s" + i, BTC, "0.00095", T0.plusSeconds(10L * i + 2))), "0.00095", "50000",
                        "0", "USDT", T0.plusSeconds(10L * i + 3)));
            }

            // 0.00005 + 0.00005 = 0.00010, by asset
            assertThat(journal.dust()).containsExactly(entry("BTC", new BigDecimal("0.00010")),
                    entry("ETH", new BigDecimal("0.0003")));
            journal.setDust("BTC", BigDecimal.ZERO);
            assertThat(journal.dust()).containsExactly(entry("BTC", BigDecimal.ZERO),
                    entry("ETH", new BigDecimal("0.0003")));
        }

        @Test
        void aSavedPositionComesBackWithItsHighWaterMarkToTheMillisecond() throws Exception {
            journal.savePosition(Position.open(ETH, new BigDecimal("2"), new BigDecimal("6000"), new BigDecimal("6"),
                    T0));
            journal.savePosition(Position.open(BTC, new BigDecimal("0.5"), new BigDecimal("10000"),
                    new BigDecimal("10"), T0.plusNanos(1_500_000)).withPrice(new BigDecimal("20500.5")));

            assertThat(journal.loadPositions()).extracting(Position::symbol).containsExactly(BTC, ETH);
            assertThat(journal.loadPositions().get(0)).isEqualTo(new Position(BTC, new BigDecimal("0.5"),
                    new BigDecimal("10000"), new BigDecimal("10"), T0.plusMillis(1), new BigDecimal("20500.5")));

            journal.savePosition(new Position(BTC, new BigDecimal("0.4"), new BigDecimal("8000"), new BigDecimal("8"),
                    T0, new BigDecimal("20500.5")));
            assertThat(journal.loadPositions()).hasSize(2).first()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(new BigDecimal("0.4")));
        }

        @Test
        void theLastTradesComeTheLatestFirstForOneSymbolOrAll() throws Exception {
            fill(filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0", "USDT", T0.plusSeconds(1)));
            fill(filled(insert(buy("e1", ETH, "1500", T0)), "0.5", "3000", "0", "USDT", T0.plusSeconds(2)));
            fill(filled(insert(sell("s1", BTC, "0.002", T0.plusSeconds(59))), "0.002", "51000", "0", "USDT",
                    T0.plusSeconds(60)));
            fill(filled(insert(sell("e2", ETH, "0.5", T0.plusSeconds(119))), "0.5", "3100", "0", "USDT",
                    T0.plusSeconds(120)));
            // Two closed in the same millisecond come back the one recorded last first.
            fill(filled(insert(buy("b2", BTC, "100", T0)), "0.002", "50000", "0", "USDT", T0.plusSeconds(121)));
            fill(filled(insert(buy("e3", ETH, "1500", T0)), "0.5", "3000", "0", "USDT", T0.plusSeconds(122)));
            fill(filled(insert(sell("s2", BTC, "0.002", T0.plusSeconds(123))), "0.002", "50000", "0", "USDT",
                    T0.plusSeconds(180)));
            fill(filled(insert(sell("e4", ETH, "0.5", T0.plusSeconds(123))), "0.5", "3000", "0", "USDT",
                    T0.plusSeconds(180)));

            assertThat(ids(journal.recentTrades(null, 10))).containsExactly("e4", "s2", "e2", "s1");
            assertThat(ids(journal.recentTrades(null, 3))).containsExactly("e4", "s2", "e2");
            assertThat(ids(journal.recentTrades(BTC, 10))).containsExactly("s2", "s1");
            assertThat(ids(journal.recentTrades(ETH, 1))).containsExactly("e4");
        }

        @Test
        void anOwnersStopIsKeptPerSymbolThroughAPartialSellUntilTheFillThatClosesThePosition() throws Exception {
            fill(filled(insert(buy("b1", BTC, "100", T0)), "0.002", "50000", "0.1", "USDT", T0.plusSeconds(1)));
            // Times are kept to the millisecond, the level exactly.
            journal.saveOwnerStop(new OwnerStop(BTC, T0.plusSeconds(1), new BigDecimal("50100.11"),
                    T0.plusSeconds(5).plusNanos(250_000)));
            journal.saveOwnerStop(new OwnerStop(ETH, T0, new BigDecimal("3000.5"), T0));
            assertThat(journal.ownerStops().get(0)).isEqualTo(new OwnerStop(BTC, T0.plusSeconds(1),
                    new BigDecimal("50100.11"), T0.plusSeconds(5)));
            OwnerStop raised = new OwnerStop(BTC, T0.plusSeconds(1), new BigDecimal("50200"), T0.plusSeconds(6));
            journal.saveOwnerStop(raised);

            assertThat(journal.ownerStops()).containsExactly(raised, new OwnerStop(ETH, T0, new BigDecimal("3000.5"),
                    T0));
            fill(filled(insert(sell("s1", BTC, "0.001", T0.plusSeconds(59))), "0.001", "51000", "0", "USDT",
                    T0.plusSeconds(60)));
            assertThat(journal.ownerStops()).extracting(OwnerStop::symbol).containsExactly(BTC, ETH);
            fill(filled(insert(sell("s2", BTC, "0.001", T0.plusSeconds(119))), "0.001", "51000", "0", "USDT",
                    T0.plusSeconds(120)));

            assertThat(journal.ownerStops()).extracting(OwnerStop::symbol).containsExactly(ETH);
        }

        @Test
        void theEquityAtAnInstantIsTheLatestSampleAtOrBeforeItAndTheFirstAtOrAfter() throws Exception {
            journal.saveEquity(new EquitySample(T0, new BigDecimal("10000")));
            journal.saveEquity(new EquitySample(T0.plusSeconds(3600), new BigDecimal("10012.5")));

            assertThat(journal.equityAtOrBefore(T0.minusMillis(1))).isEmpty();
            assertThat(journal.equityAtOrBefore(T0)).contains(new EquitySample(T0, new BigDecimal("10000")));
            assertThat(journal.equityAtOrBefore(T0.plusSeconds(3599))).contains(new EquitySample(T0,
                    new BigDecimal("10000")));
            assertThat(journal.equityAtOrBefore(T0.plusSeconds(7200))).contains(new EquitySample(
                    T0.plusSeconds(3600), new BigDecimal("10012.5")));
            assertThat(journal.equityAtOrAfter(T0.plusMillis(1))).contains(new EquitySample(T0.plusSeconds(3600),
                    new BigDecimal("10012.5")));
            assertThat(journal.equityAtOrAfter(Instant.EPOCH)).contains(new EquitySample(T0,
                    new BigDecimal("10000")));
            assertThat(journal.equityAtOrAfter(T0.plusSeconds(3601))).isEmpty();
        }

        // ---- decisions ---------------------------------------------------------------------------------------------

        @Test
        void aSessionsCandlesComeBackExactlyAndInTheOrderRead() throws Exception {
            // Times are kept to the millisecond, prices exactly.
            long s1 = journal.startSession(T0.plusNanos(250_000));
            journal.recordHistory(s1, List.of(candle(ETH, 0, "3000.10"), candle(BTC, 0, "60000.5"),
                    candle(BTC, 1, "60010.25")), T0.plusMillis(5));
            journal.recordDecision(new CandleDecision(s1, candle(BTC, 2, "60020"), Action.HOLD, null,
                    T0.plusSeconds(180).plusNanos(300_000)));
            journal.recordDecision(new CandleDecision(s1, candle(ETH, 2, "3001"), Action.BUY_IGNORED,
                    RejectReason.RISK_MAX_OPEN_POSITIONS, T0.plusSeconds(180)));
            journal.recordDecision(new CandleDecision(s1, candle(BTC, 3, "60030"), Action.ENTRY, null,
                    T0.plusSeconds(240)));

            assertThat(journal.decisionSessions()).containsExactly(new DecisionSession(s1, T0, false));
            assertThat(journal.decisions(s1)).containsExactly(
                    new CandleDecision(s1, candle(ETH, 0, "3000.10"), Action.HISTORY, null, T0.plusMillis(5)),
                    new CandleDecision(s1, candle(BTC, 0, "60000.5"), Action.HISTORY, null, T0.plusMillis(5)),
                    new CandleDecision(s1, candle(BTC, 1, "60010.25"), Action.HISTORY, null, T0.plusMillis(5)),
                    new CandleDecision(s1, candle(BTC, 2, "60020"), Action.HOLD, null, T0.plusSeconds(180)),
                    new CandleDecision(s1, candle(ETH, 2, "3001"), Action.BUY_IGNORED,
                            RejectReason.RISK_MAX_OPEN_POSITIONS, T0.plusSeconds(180)),
                    new CandleDecision(s1, candle(BTC, 3, "60030"), Action.ENTRY, null, T0.plusSeconds(240)));
            assertThat(journal.decisions(s1 + 1)).isEmpty();
        }

        @Test
        void eachSessionKeepsItsOwnHistoryAndADecisionReplacesItsCandleInPlace() throws Exception {
            long s1 = journal.startSession(T0);
            journal.recordDecision(new CandleDecision(s1, candle(BTC, 1, "60010"), Action.HOLD, null, T0));
            journal.recordDecision(new CandleDecision(s1, candle(BTC, 2, "60020"), Action.ENTRY, null, T0));
            // History of a candle the session has decided on leaves the decision as it was.
            journal.recordHistory(s1, List.of(candle(BTC, 1, "59999")), T0.plusSeconds(1));
            // A second decision on a candle replaces the first where it stood.
            journal.recordDecision(new CandleDecision(s1, candle(BTC, 1, "60011"), Action.SELL_IGNORED,
                    RejectReason.ORDER_NO_POSITION, T0.plusSeconds(2)));
            // A restart reads its own history, the simulator's other than what the first session decided on.
            long s2 = journal.startSession(T0.plusSeconds(600));
            journal.recordHistory(s2, List.of(candle(BTC, 1, "59000"), candle(BTC, 2, "59100")),
                    T0.plusSeconds(600));

            assertThat(s2).isGreaterThan(s1);
            assertThat(journal.decisions(s1)).containsExactly(
                    new CandleDecision(s1, candle(BTC, 1, "60011"), Action.SELL_IGNORED, RejectReason.ORDER_NO_POSITION,
                            T0.plusSeconds(2)),
                    new CandleDecision(s1, candle(BTC, 2, "60020"), Action.ENTRY, null, T0));
            assertThat(journal.decisions(s2))
                    .extracting(d -> d.candle().close().toPlainString(), CandleDecision::action)
                    .containsExactly(tuple("59000", Action.HISTORY), tuple("59100", Action.HISTORY));
            assertThat(journal.decisionSessions()).extracting(DecisionSession::id).containsExactly(s1, s2);
        }

        @Test
        void forgettingByAgeCountsTheCandlesMarksTruncatedSessionsAndDropsEmptyOldOnes() throws Exception {
            // Session 1 started at T0 with five candles (minutes 0 to 4), session 2 at minute 10 with three.
            long s1 = journal.startSession(T0);
            journal.recordHistory(s1, List.of(candle(BTC, 0, "1"), candle(BTC, 1, "2")), T0);
            for (int m = 2; m < 5; m++) {
                journal.recordDecision(new CandleDecision(s1, candle(BTC, m, "3"), Action.HOLD, null,
                        T0.plusSeconds(60L * m + 60)));
            }
            long s2 = journal.startSession(T0.plusSeconds(600));
            for (int m = 10; m < 13; m++) {
                journal.recordDecision(new CandleDecision(s2, candle(BTC, m, "4"), Action.HOLD, null,
                        T0.plusSeconds(60L * m + 60)));
            }

            // Candles that started before minute 2 (the cutoff itself is kept): two, both session 1's history.
            assertThat(journal.forgetDecisionsBefore(T0.plusSeconds(120))).isEqualTo(2);
            assertThat(journal.decisionSessions()).containsExactly(new DecisionSession(s1, T0, true),
                    new DecisionSession(s2, T0.plusSeconds(600), false));
            assertThat(journal.decisions(s1)).extracting(d -> d.candle().start())
                    .containsExactly(T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240));
            // Nothing more is that old.
            assertThat(journal.forgetDecisionsBefore(T0.plusSeconds(120))).isZero();

            // Before minute 11: the rest of session 1, which goes, and session 2's first.
            assertThat(journal.forgetDecisionsBefore(T0.plusSeconds(660))).isEqualTo(4);
            assertThat(journal.decisionSessions()).containsExactly(new DecisionSession(s2, T0.plusSeconds(600),
                    true));
            assertThat(journal.decisions(s1)).isEmpty();
            assertThat(journal.decisions(s2)).hasSize(2);
            // A session's number is never given again, even once its session is forgotten.
            assertThat(journal.startSession(T0.plusSeconds(900))).isGreaterThan(s2);
        }

        // ---- helpers -----------------------------------------------------------------------------------------------

        @Test
        void aLockIsKeptWithItsAlertOnePerProtectionAndScopeAndItsEndIsWrittenOnce() throws Exception {
            // Times are kept to the millisecond: 10:00:20.00025 comes back as 10:00:20.
            EntryLock cooldown = new EntryLock(Kind.COOLDOWN, BTC, T0.plusSeconds(20).plusNanos(250_000),
                    T0.plusSeconds(120), "its position closed at 10:00:20 UTC by the stop-loss");
            EntryLock guard = new EntryLock(Kind.STOP_LOSS_GUARD, null, T0, T0.plusSeconds(120), "3 stop-losses");
            EntryLock lowProfit = new EntryLock(Kind.LOW_PROFIT, ETH, T0, T0.plusSeconds(60), "lost 3 %");
            journal.saveLock(cooldown, List.of(alert("l-1")));
            journal.saveLock(guard, List.of(alert("l-2")));
            journal.saveLock(lowProfit, List.of());

            EntryLock kept = new EntryLock(Kind.COOLDOWN, BTC, T0.plusSeconds(20), T0.plusSeconds(120),
                    "its position closed at 10:00:20 UTC by the stop-loss");
            // By end, then protection, then scope.
            assertThat(journal.locks()).containsExactly(lowProfit, kept, guard);

            // A later cooldown on BTC takes the place of the first.
            EntryLock longer = new EntryLock(Kind.COOLDOWN, BTC, T0.plusSeconds(90), T0.plusSeconds(240), "again");
            journal.saveLock(longer, List.of(alert("l-3")));
            assertThat(journal.locks()).containsExactly(lowProfit, guard, longer);

            // The end of the lock replaced changes nothing and writes no alert: l-4 is free afterwards.
            assertThat(journal.endLock(cooldown, List.of(alert("l-4")))).isFalse();
            assertThat(journal.endLock(lowProfit, List.of(alert("l-4")))).isTrue();
            assertThat(journal.endLock(lowProfit, List.of(alert("l-5")))).isFalse();
            assertThat(journal.locks()).containsExactly(guard, longer);

            // An alert id written before (with a lock, or with its end) cannot be written again: nothing changes.
            assertThatThrownBy(() -> journal.endLock(guard, List.of(alert("l-2"))))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> journal.saveLock(lowProfit, List.of(alert("l-4"))))
                    .isInstanceOf(SQLException.class);
            assertThat(journal.locks()).containsExactly(guard, longer);
            assertThat(journal.endLock(guard, List.of(alert("l-5")))).isTrue();
            assertThat(journal.locks()).containsExactly(longer);
        }

        Order insert(Order order) throws SQLException {
            journal.insertOrder(order);
            return order;
        }

        /** Works out the fill as the trader does, records it, then lets the book follow. */
        void fill(Order filled) throws SQLException {
            FillOutcome outcome = book.outcomeOf(filled);
            assertThat(journal.recordFill(filled, outcome, List.of())).isTrue();
            book.apply(outcome);
        }

        static Order buy(String id, Symbol symbol, String quoteAmount, Instant at) {
            return Order.newOrder(OrderRequest.buy(id, symbol, new BigDecimal(quoteAmount)), Purpose.ENTRY, at);
        }

        static Order sell(String id, Symbol symbol, String quantity, Instant at) {
            return Order.newOrder(OrderRequest.sell(id, symbol, new BigDecimal(quantity)), Purpose.EXIT, at);
        }

        /** @return the order filled in full: {@code quantity} at {@code price}, paying {@code fee} (none if zero). */
        static Order filled(Order o, String quantity, String price, String fee, String currency, Instant at) {
            return o.withReport(Reports.filled(o.clientOrderId(), "E-" + o.clientOrderId(), quantity, price, fee,
                    currency, at));
        }

        /** @return the order filled in full, its fees not known yet. */
        static Order filledFeesUnknown(Order o, String quantity, String price, Instant at) {
            BigDecimal q = new BigDecimal(quantity);
            return o.withReport(new ExecutionReport(o.clientOrderId(), "E-" + o.clientOrderId(),
                    ExecutionReport.Status.FILLED, q, q.multiply(new BigDecimal(price)), List.of(), false, null, null,
                    at));
        }

        /** @return a one-minute candle of {@code symbol}, {@code minute} minutes after T0, flat at {@code price}. */
        static Candle candle(Symbol symbol, int minute, String price) {
            BigDecimal p = new BigDecimal(price);
            return new Candle(symbol, T0.plusSeconds(60L * minute), Duration.ofMinutes(1), p, p, p, p,
                    new BigDecimal("1.5"));
        }

        static OutboxAlert alert(String id) {
            return new OutboxAlert(id, "Opened BTC/USDT", "BTC/USDT", null, T0);
        }

        static List<String> ids(List<ClosedTrade> trades) {
            return trades.stream().map(ClosedTrade::clientOrderId).toList();
        }

        static void assertTrade(ClosedTrade t, String quantity, String entryCost, String entryFees, String exitPrice,
                                String exitFees, String pnl) {
            assertThat(t.quantity()).isEqualByComparingTo(quantity);
            assertThat(t.entryCost()).isEqualByComparingTo(entryCost);
            assertThat(t.entryFees()).isEqualByComparingTo(entryFees);
            assertThat(t.exitPrice()).isEqualByComparingTo(exitPrice);
            assertThat(t.exitFees()).isEqualByComparingTo(exitFees);
            assertThat(t.realisedPnl()).isEqualByComparingTo(pnl);
        }
    }
}
