package com.byninja.bot.engine.port;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.DecisionSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What the strategy did with every closed candle, kept for a bounded time so that a replay through the same code can
 * be checked against it ({@code backtest --replay-db}). Written on the trading thread: one record per symbol and
 * closed candle, and the history each start read. Keyed by session, symbol and candle start: a restart reads its own
 * history (an exchange's history may differ from the candles decided before, the simulator's always does), and keeps
 * it apart from what an earlier session decided.
 */
public interface DecisionJournal {

    /**
     * A trader starts: the bot, or a replay of it.
     *
     * @return the new session's number, higher than any before, even forgotten ones
     */
    long startSession(Instant startedAt) throws SQLException;

    /**
     * The history a session read at start, not traded on: each candle kept as {@link CandleDecision.Action#HISTORY}
     * unless the session has a record of it already.
     */
    void recordHistory(long session, List<Candle> candles, Instant readAt) throws SQLException;

    /** A decision on a closed candle, replacing the session's record of that candle if it has one. */
    void recordDecision(CandleDecision decision) throws SQLException;

    /**
     * Forgets the candles that started before {@code cutoff}, marks the sessions that lost some as truncated, and
     * forgets the sessions that started before it and have no candle left.
     *
     * @return how many candles were forgotten
     */
    int forgetDecisionsBefore(Instant cutoff) throws SQLException;

    /** @return the sessions kept, oldest first. */
    List<DecisionSession> decisionSessions() throws SQLException;

    /** @return the candles a session read, history and decided, in the order it read them. */
    List<CandleDecision> decisions(long session) throws SQLException;
}
