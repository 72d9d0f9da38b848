package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.DecisionJournal;
import com.byninja.bot.engine.port.Journals;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The trader keeps, for every closed candle the strategy reads, what it did with it and why, in its session of the
 * decision journal; a journal that cannot be written costs a log line, never a trade.
 */
class DecisionsTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** Closes one one-minute candle of {@code s} at each price, in turn. */
    void candles(Symbol s, String... closes) {
        for (String c : closes) {
            f.candle(s, c);
        }
    }

    @Test
    void eachClosedCandleIsKeptWithWhatTheStrategyDidAndWhy() throws Exception {
        f = new TraderFixture(dir, TraderTest.SMA_2_3);
        f.trader.setFlag(ETH, Flag.BUY, false);

        // Three candles warm SMA 3 up; 14, 12 and 14 hold; 18 crosses up; 14 holds; 10 crosses down.
        candles(BTC, "20", "18", "16", "14", "12", "14", "18", "14", "10");
        candles(ETH, "20", "18", "16", "14", "12", "14", "18");

        long session = f.store.decisionSessions().get(0).id();
        assertThat(f.store.decisionSessions()).containsExactly(new DecisionSession(session, TraderFixture.T0, false));
        assertThat(f.store.decisions(session)).extracting(CandleDecision::symbol, CandleDecision::describe)
                .containsExactly(
                        tuple(BTC, "HOLD"), tuple(BTC, "HOLD"), tuple(BTC, "HOLD"), tuple(BTC, "HOLD"),
                        tuple(BTC, "HOLD"), tuple(BTC, "HOLD"), tuple(BTC, "ENTRY"), tuple(BTC, "HOLD"),
                        // The entry is still waiting for the exchange: there is no position to sell yet.
                        tuple(BTC, "SELL_IGNORED (NO_POSITION)"),
                        tuple(ETH, "HOLD"), tuple(ETH, "HOLD"), tuple(ETH, "HOLD"), tuple(ETH, "HOLD"),
                        tuple(ETH, "HOLD"), tuple(ETH, "HOLD"), tuple(ETH, "BUY_IGNORED (BUY_DISABLED)"));
        Order entry = f.gateway.last();
        assertThat(entry.purpose()).isEqualTo(Purpose.ENTRY);
        CandleDecision decided = f.store.decisions(session).get(6);
        assertThat(decided.candle().close()).isEqualByComparingTo("18");
        assertThat(decided.decidedAt()).isEqualTo(entry.createdAt());
    }

    @Test
    void historyIsKeptAsReadAndNotTradedOn() throws Exception {
        f = new TraderFixture(dir, TraderTest.SMA_2_3);
        List<Candle> history = List.of(candle("20", 0), candle("18", 1), candle("16", 2));

        f.trader.onHistory(BTC, history);

        long session = f.store.decisionSessions().get(0).id();
        assertThat(f.store.decisions(session)).extracting(CandleDecision::candle, CandleDecision::describe)
                .containsExactly(tuple(history.get(0), "HISTORY"), tuple(history.get(1), "HISTORY"),
                        tuple(history.get(2), "HISTORY"));
    }

    @Test
    void aRestartStartsANewSession() throws Exception {
        f = new TraderFixture(dir, TraderTest.SMA_2_3);
        candles(BTC, "20", "18");

        f.restart();
        candles(BTC, "16");

        List<DecisionSession> sessions = f.store.decisionSessions();
        assertThat(sessions).hasSize(2);
        assertThat(f.store.decisions(sessions.get(0).id())).hasSize(2);
        assertThat(f.store.decisions(sessions.get(1).id())).singleElement()
                .satisfies(d -> assertThat(d.candle().close()).isEqualByComparingTo("16"));
    }

    @Test
    void aDecisionThatCannotBeWrittenIsLoggedAndTradingGoesOn() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Trader.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            f = new TraderFixture(dir, TraderTest.SMA_2_3);
            f.trader = f.newTrader(Journals.of(f.store).withDecisions(new FullDisk()));

            candles(BTC, "20", "18", "16", "14", "12", "14", "18");

            assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.ENTRY);
            // Seven candles, seven failures, one line: the first (then one every thousand).
            assertThat(lines.list).filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage).containsExactly("could not write the decision "
                            + "on the BTC/USDT candle of 2026-03-01T09:00:00Z to the decision "
                            + "journal (1 failure(s) so far; trading goes on, a replay check of this run will miss "
                            + "it): the disk is full");
        } finally {
            log.detachAppender(lines);
        }
    }

    static Candle candle(String close, int minute) {
        java.math.BigDecimal c = new java.math.BigDecimal(close);
        return new Candle(BTC, TraderFixture.T0.minusSeconds(3600 - 60L * minute), java.time.Duration.ofMinutes(1),
                c, c, c, c, java.math.BigDecimal.ONE);
    }

    /** A decision journal on a full disk: sessions start, every record fails. */
    static final class FullDisk implements DecisionJournal {
        @Override
        public long startSession(Instant startedAt) {
            return 1;
        }

        @Override
        public void recordHistory(long session, List<Candle> candles, Instant readAt) throws SQLException {
            throw new SQLException("the disk is full");
        }

        @Override
        public void recordDecision(CandleDecision decision) throws SQLException {
            throw new SQLException("the disk is full");
        }

        @Override
        public int forgetDecisionsBefore(Instant cutoff) {
            return 0;
        }

        @Override
        public List<DecisionSession> decisionSessions() {
            return List.of();
        }

        @Override
        public List<CandleDecision> decisions(long session) {
            return List.of();
        }
    }
}
