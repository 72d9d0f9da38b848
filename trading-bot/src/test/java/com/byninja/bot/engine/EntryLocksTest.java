package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static com.byninja.bot.TraderFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EntryLock.Kind;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.engine.port.LockJournal;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.store.TradingStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protections' locks in the trader on a real SQLite file: a strategy buy refused with its reason in the decision
 * journal, each lock announced when it starts and when it ends, and kept across restarts. The strategy wants to buy on
 * every candle; a position bought at 10:00 is sold by {@code forcesell} at 10:00:20, in the candle closing at 10:01,
 * so the default cooldown of one candle locks BTC/USDT until 10:02.
 */
class EntryLocksTest {

    /** A strategy that buys whenever it may, with the cooldown announced as the other locks are. */
    static final String ALWAYS_BUY = """
            strategy:
              name: rules
              rules:
                entry: "close > 0"
                exit: "close < 0"
            protections:
              announceCooldown: true
            """;
    static final EntryLock COOLDOWN = new EntryLock(Kind.COOLDOWN, BTC, T0.plusSeconds(20),
            Instant.parse("2026-03-01T10:02:00Z"), "its position closed at 10:00:20 UTC by /forcesell; cooldown 1 "
            + "candle of 1m");
    static final String LOCKED = "Cooldown: the strategy does not buy until 10:02 UTC (its position closed at 10:00:20 "
            + "UTC by /forcesell; cooldown 1 candle of 1m). Sells, stops and /forcebuy still work.";

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** Buys 1 BTC at 100 at 10:00 and sells it at 98 at 10:00:20, by command. */
    void roundTrip() {
        f.openPosition(BTC, "1", "100", "0.1");
        f.clock.advance(Duration.ofSeconds(20));
        f.price(BTC, "98");
        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();
        f.gateway.fill(sell, "1", "98", "0.098", f.clock.instant());
        f.drain();
    }

    /** Prices {@code s} at {@code close} now, then closes a candle there: the strategy wants to buy. */
    void candle(Symbol s, String close) {
        f.price(s, close);
        f.candle(s, close);
    }

    List<String> decisions() throws SQLException {
        long session = f.store.decisionSessions().get(f.store.decisionSessions().size() - 1).id();
        return f.store.decisions(session).stream().map(CandleDecision::describe).toList();
    }

    @Test
    void byDefaultACooldownLocksAndIsKeptButIsNoAlert() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY.replace("announceCooldown: true", "announceCooldown: false"));
        roundTrip();

        assertThat(f.alerts.events()).containsExactly("position_opened", "position_closed");
        assertThat(f.trader.snapshot().locks()).containsExactly(COOLDOWN);
        assertThat(f.store.locks()).containsExactly(COOLDOWN);
        assertThat(f.store.outbox()).extracting(a -> a.data().path("event").asText()).doesNotContain("entry_locked");
        candle(BTC, "98");

        f.clock.set(Instant.parse("2026-03-01T10:02:00Z"));
        f.trader.periodicChecks();
        candle(BTC, "98");

        assertThat(decisions()).containsExactly("BUY_IGNORED (COOLDOWN)", "ENTRY");
        assertThat(f.store.locks()).isEmpty();
        assertThat(f.alerts.events()).doesNotContain("entry_locked", "entry_unlocked");
    }

    @Test
    void aCooldownRefusesTheStrategysBuysUntilItEndsAndSaysSoWhenItStartsAndWhenItEnds() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        roundTrip();

        assertThat(f.alerts.events()).containsExactly("position_opened", "position_closed", "entry_locked");
        assertThat(f.alerts.last().text()).isEqualTo(LOCKED);
        assertThat(f.alerts.last().data().path("until").asText()).isEqualTo("2026-03-01T10:02:00Z");
        assertThat(f.trader.locks()).containsExactly(COOLDOWN);
        assertThat(f.trader.snapshot().locks()).containsExactly(COOLDOWN);
        // Written with its alert, in one transaction.
        assertThat(f.store.locks()).containsExactly(COOLDOWN);
        assertThat(f.store.outbox()).extracting(a -> a.data().path("event").asText()).endsWith("entry_locked");

        candle(BTC, "98");
        f.clock.set(Instant.parse("2026-03-01T10:01:59.999Z"));
        candle(BTC, "98");
        // ETH is not locked.
        candle(ETH, "3000");
        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.FORCE_BUY,
                Purpose.FORCE_SELL, Purpose.ENTRY);

        f.clock.set(Instant.parse("2026-03-01T10:02:00Z"));
        f.trader.periodicChecks();
        assertThat(f.alerts.last().text()).isEqualTo("Cooldown ended at 10:02 UTC: the strategy may buy again.");
        assertThat(f.alerts.last().data().path("whileStopped").asBoolean()).isFalse();
        assertThat(f.store.locks()).isEmpty();
        assertThat(f.trader.locks()).isEmpty();
        candle(BTC, "98");

        assertThat(decisions()).containsExactly("BUY_IGNORED (COOLDOWN)", "BUY_IGNORED (COOLDOWN)", "ENTRY", "ENTRY");
        assertThat(f.gateway.last().symbol()).isEqualTo(BTC);
        // Checked again, nothing more is announced.
        f.trader.periodicChecks();
        assertThat(f.alerts.events()).containsOnlyOnce("entry_locked", "entry_unlocked");
    }

    @Test
    void aLockSurvivesARestartAndIsNotAnnouncedAgain() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        roundTrip();

        Trader restarted = f.restart();
        candle(BTC, "98");

        assertThat(restarted.locks()).containsExactly(COOLDOWN);
        assertThat(decisions()).containsExactly("BUY_IGNORED (COOLDOWN)");
        assertThat(f.alerts.events()).containsOnlyOnce("entry_locked");
    }

    @Test
    void aLockThatEndedWhileTheBotWasStoppedIsAnnouncedOnceAtTheNextStart() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        roundTrip();

        f.clock.set(Instant.parse("2026-03-01T10:30:00Z"));
        Trader restarted = f.restart();
        f.restart();

        assertThat(restarted.locks()).isEmpty();
        assertThat(f.store.locks()).isEmpty();
        assertThat(f.alerts.events()).containsExactly("position_opened", "position_closed", "entry_locked",
                "entry_unlocked");
        assertThat(f.alerts.last().text()).isEqualTo("Cooldown ended at 10:02 UTC, while the bot was stopped: the "
                + "strategy may buy again.");
        assertThat(f.alerts.last().data().path("whileStopped").asBoolean()).isTrue();
        candle(BTC, "98");
        assertThat(decisions()).containsExactly("ENTRY");
    }

    @Test
    void aLockWhoseWriteFailedStillLocksAndIsFoundAgainAtTheNextStart() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        f.trader = f.newTrader(Journals.of(f.store).withLocks(new NoLocks(f.store)));
        roundTrip();

        // Not written, but announced and in force.
        assertThat(f.store.locks()).isEmpty();
        assertThat(f.alerts.last().text()).isEqualTo(LOCKED);
        candle(BTC, "98");
        assertThat(decisions()).containsExactly("BUY_IGNORED (COOLDOWN)");

        // As after a crash between the trade's write and the lock's: the start looks at the last trade again.
        Trader restarted = f.restart();

        assertThat(restarted.locks()).containsExactly(COOLDOWN);
        assertThat(f.store.locks()).containsExactly(COOLDOWN);
        assertThat(f.alerts.events()).containsExactly("position_opened", "position_closed", "entry_locked",
                "entry_locked");
    }

    @Test
    void aForcedBuyPassesTheLockAndItsCloseExtendsTheCooldown() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        roundTrip();

        f.clock.set(Instant.parse("2026-03-01T10:01:30Z"));
        f.price(BTC, "98");
        Order buy = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();
        f.gateway.fill(buy, "1", "98", "0.098", f.clock.instant());
        f.drain();
        f.clock.set(Instant.parse("2026-03-01T10:01:40Z"));
        f.price(BTC, "98");
        f.gateway.fill(((Submission.Sent) f.trader.forceSell(BTC)).order(), "1", "98", "0.098", f.clock.instant());
        f.drain();

        // Closed at 10:01:40, in the candle closing at 10:02: the cooldown now ends at 10:03, in place of 10:02.
        assertThat(f.trader.locks()).singleElement()
                .satisfies(l -> assertThat(l.until()).isEqualTo(Instant.parse("2026-03-01T10:03:00Z")));
        assertThat(f.store.locks()).hasSize(1);
        f.clock.set(Instant.parse("2026-03-01T10:02:00Z"));
        f.trader.periodicChecks();
        assertThat(f.alerts.events()).containsExactly("position_opened", "position_closed", "entry_locked",
                "position_opened", "position_closed", "entry_locked");
    }

    /** The store's lock journal on a disk that refuses every new lock. */
    record NoLocks(TradingStore store) implements LockJournal {
        @Override
        public void saveLock(EntryLock lock, List<OutboxAlert> alerts) throws SQLException {
            throw new SQLException("the disk is full");
        }

        @Override
        public boolean endLock(EntryLock lock, List<OutboxAlert> alerts) throws SQLException {
            return store.endLock(lock, alerts);
        }

        @Override
        public List<EntryLock> locks() throws SQLException {
            return store.locks();
        }
    }
}
