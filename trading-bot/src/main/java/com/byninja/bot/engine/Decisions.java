package com.byninja.bot.engine;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.DecisionJournal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trader's session in the {@link DecisionJournal}: the history it read and what it did with each closed candle,
 * kept {@code store.decisionRetentionDays}. A record that cannot be written is logged (the first, then every
 * {@value #LOG_EVERY}th) and trading goes on: the journal is for checking a replay, not for the money. Owned by the
 * trading thread.
 */
final class Decisions {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final int LOG_EVERY = 1000;

    private final DecisionJournal journal;
    private final Clock clock;
    private final Duration retention;
    private final long session;
    private long day;
    private long failures;

    private Decisions(DecisionJournal journal, Clock clock, Duration retention, long session) {
        this.journal = journal;
        this.clock = clock;
        this.retention = retention;
        this.session = session;
        this.day = epochDay(clock);
    }

    private static long epochDay(Clock clock) {
        return Math.floorDiv(clock.millis(), Duration.ofDays(1).toMillis());
    }

    /**
     * Forgets the decisions older than {@code retention}, then starts a session.
     *
     * @throws SQLException when the journal cannot be written; the bot does not start then, as with its other
     *                      journals
     */
    static Decisions start(DecisionJournal journal, Clock clock, Duration retention) throws SQLException {
        Instant now = clock.instant();
        int forgotten = journal.forgetDecisionsBefore(now.minus(retention));
        if (forgotten > 0) {
            LOG.info("forgot {} candle decision(s) older than {} days", forgotten, retention.toDays());
        }
        return new Decisions(journal, clock, retention, journal.startSession(now));
    }

    void history(Symbol symbol, List<Candle> candles) {
        try {
            journal.recordHistory(session, candles, clock.instant());
        } catch (SQLException e) {
            failed("the history of " + symbol, e);
        }
    }

    void decided(Candle candle, Action action) {
        record(candle, action, null);
    }

    void ignored(Candle candle, Action action, RejectReason reason) {
        record(candle, action, reason);
    }

    private void record(Candle candle, Action action, RejectReason reason) {
        try {
            journal.recordDecision(new CandleDecision(session, candle, action, reason, clock.instant()));
        } catch (SQLException e) {
            failed("the decision on the " + candle.symbol() + " candle of " + candle.start(), e);
        }
    }

    /** On the first call of each new UTC day, forgets what has grown older than the retention. */
    void onNewDay() {
        long today = epochDay(clock);
        if (today == day) {
            return;
        }
        day = today;
        try {
            int forgotten = journal.forgetDecisionsBefore(clock.instant().minus(retention));
            LOG.debug("forgot {} candle decision(s) older than {} days", forgotten, retention.toDays());
        } catch (SQLException e) {
            failed("forgetting old decisions", e);
        }
    }

    private void failed(String what, SQLException e) {
        failures++;
        if (failures == 1 || failures % LOG_EVERY == 0) {
            LOG.warn("could not write {} to the decision journal ({} failure(s) so far; trading goes on, a replay "
                    + "check of this run will miss it): {}", what, failures, e.getMessage());
        }
    }
}
