package com.byninja.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.Reports;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.positions.PositionBook;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory journal keeps for a replay's report, beyond the journals' contract (which
 * {@code JournalContractTest} runs against it and the SQLite store alike).
 */
class InMemoryJournalTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final InMemoryJournal journal = new InMemoryJournal();
    final PositionBook book = new PositionBook();

    @Test
    void keepsEveryOrderInTheOrderInsertedEveryTradeAndTheAlertsWrittenWithFillsAndOrderEnds() throws Exception {
        Order late = buy("late", T0.plusSeconds(2));
        Order early = buy("early", T0.plusSeconds(1));
        journal.insertOrder(late);
        journal.insertOrder(early);
        Order bought = late.withReport(Reports.filled("late", "E1", "0.002", "50000", "0.1", "USDT",
                T0.plusSeconds(3)));
        assertThat(journal.recordFill(bought, book.apply(bought), List.of(alert("opened")))).isTrue();
        journal.updateOrder(early.finishedWithout(OrderStatus.CANCELLED, "stopped", T0.plusSeconds(4)),
                List.of(alert("cancelled")));
        Order sell = Order.newOrder(OrderRequest.sell("s1", BTC, new BigDecimal("0.002")), Purpose.EXIT,
                T0.plusSeconds(5));
        journal.insertOrder(sell);
        // 0.002 * 51000 = 102.000, fee found later: PnL 102.000 - 100.000 - 0.1 = 1.9, then 1.9 - 0.102 = 1.798
        Order sold = sell.withReport(Reports.filled("s1", "E2", "0.002", "51000", "0", "USDT", T0.plusSeconds(6)));
        assertThat(journal.recordFill(sold, book.apply(sold), List.of(alert("closed")))).isTrue();
        journal.recordFees(sold.withFees(List.of(new Fee(new BigDecimal("0.102"), "USDT"))), null,
                new BigDecimal("0.102"));

        // Refused or repeated writes keep no alert.
        assertThat(journal.recordFill(sold, book.outcomeOf(bought), List.of(alert("again")))).isFalse();
        assertThatThrownBy(() -> journal.updateOrder(buy("ghost", T0), List.of(alert("lost"))))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> journal.updateOrder(early, List.of(alert("closed"))))
                .isInstanceOf(SQLException.class);

        assertThat(journal.orders()).extracting(Order::clientOrderId).containsExactly("late", "early", "s1");
        assertThat(journal.orders()).extracting(Order::status).containsExactly(OrderStatus.FILLED,
                OrderStatus.CANCELLED, OrderStatus.FILLED);
        assertThat(journal.trades()).singleElement().satisfies(t -> {
            assertThat(t.clientOrderId()).isEqualTo("s1");
            assertThat(t.exitFees()).isEqualByComparingTo("0.102");
            assertThat(t.realisedPnl()).isEqualByComparingTo("1.798");
        });
        assertThat(journal.alerts()).extracting(OutboxAlert::id).containsExactly("opened", "cancelled", "closed");
    }

    @Test
    void moneyComesBackAsTheExactBigDecimalGiven() throws Exception {
        Order buy = buy("b1", T0);
        journal.insertOrder(buy);
        Order bought = buy.withReport(Reports.filled("b1", "E1", "1", "60000", "0", "USDT", T0.plusSeconds(1)));
        journal.recordFill(bought, book.apply(bought), List.of());
        Order sell = Order.newOrder(OrderRequest.sell("s1", BTC, BigDecimal.ONE), Purpose.EXIT, T0.plusSeconds(2));
        journal.insertOrder(sell);
        Order sold = sell.withReport(Reports.filled("s1", "E2", "1", "61000", "0", "USDT", T0.plusSeconds(3)));
        FillOutcome outcome = book.apply(sold);
        journal.recordFill(sold, outcome, List.of());

        // The book's exit price is 61000 / 1 without trailing zeros, 6.1E+4; the SQLite store would give 61000.
        ClosedTrade trade = journal.closedTrades(null, null).get(0);
        assertThat(trade.exitPrice()).isEqualTo(new BigDecimal("6.1E+4")).isEqualTo(outcome.closedTrade().exitPrice());
        Position p = new Position(BTC, new BigDecimal("0.10"), new BigDecimal("6000.00"), new BigDecimal("6.0"), T0,
                new BigDecimal("6E+4"));
        journal.savePosition(p);
        assertThat(journal.loadPositions()).containsExactly(p);
    }

    @Test
    void aJournalForBacktestsNumbersSessionsButKeepsNoDecision() throws Exception {
        BigDecimal p = new BigDecimal("60000");
        Candle candle = new Candle(BTC, T0, Duration.ofMinutes(1), p, p, p, p, BigDecimal.ONE);

        long session = journal.startSession(T0);
        journal.recordHistory(session, List.of(candle), T0);
        Candle next = new Candle(BTC, T0.plusSeconds(60), Duration.ofMinutes(1), p, p, p, p, BigDecimal.ONE);
        journal.recordDecision(new CandleDecision(session, next, Action.ENTRY, null, T0.plusSeconds(120)));

        assertThat(journal.startSession(T0.plusSeconds(60))).isEqualTo(session + 1);
        assertThat(journal.decisionSessions()).hasSize(2);
        assertThat(journal.decisions(session)).isEmpty();
        assertThat(journal.forgetDecisionsBefore(T0.plusSeconds(3600))).isZero();
    }

    static Order buy(String id, Instant at) {
        return Order.newOrder(OrderRequest.buy(id, BTC, new BigDecimal("100")), Purpose.ENTRY, at);
    }

    static OutboxAlert alert(String id) {
        return new OutboxAlert(id, "an alert", "BTC/USDT", null, T0);
    }
}
