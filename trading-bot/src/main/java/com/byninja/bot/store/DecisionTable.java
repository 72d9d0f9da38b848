package com.byninja.bot.store;

import static com.byninja.bot.store.Sql.dec;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Symbol;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code decisions} and {@code decision_sessions} tables: what the strategy did with each closed candle, and the
 * history each start read. Works inside the caller's transaction.
 */
final class DecisionTable {

    private static final String COLUMNS = "session, symbol, start, period_ms, open, high, low, close, volume, action, "
            + "reason, decided_at";
    private static final String INSERT = "INSERT INTO decisions (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session, symbol, start) DO ";

    private DecisionTable() {
    }

    /** @return the new session's id: SQLite's AUTOINCREMENT never gives an id twice, even once its row is gone. */
    static long startSession(Connection c, Instant startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_sessions (started_at) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, startedAt.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id for the new decision session");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Inserts each candle as history unless the session has a record of it. */
    static void insertHistory(Connection c, long session, List<Candle> candles, Instant readAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT + "NOTHING")) {
            for (Candle candle : candles) {
                bind(ps, new CandleDecision(session, candle, Action.HISTORY, null, readAt));
                ps.executeUpdate();
            }
        }
    }

    /** Inserts a decision, or replaces the session's record of the same candle, keeping its place in the order. */
    static void upsert(Connection c, CandleDecision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT + "UPDATE SET period_ms = excluded.period_ms, "
                + "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
                + "volume = excluded.volume, action = excluded.action, reason = excluded.reason, "
                + "decided_at = excluded.decided_at")) {
            bind(ps, d);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, CandleDecision d) throws SQLException {
        Candle candle = d.candle();
        ps.setLong(1, d.session());
        ps.setString(2, candle.symbol().toString());
        ps.setLong(3, candle.start().toEpochMilli());
        ps.setLong(4, candle.period().toMillis());
        ps.setString(5, candle.open().toPlainString());
        ps.setString(6, candle.high().toPlainString());
        ps.setString(7, candle.low().toPlainString());
        ps.setString(8, candle.close().toPlainString());
        ps.setString(9, candle.volume().toPlainString());
        ps.setString(10, d.action().name());
        ps.setString(11, d.reason() == null ? null : d.reason().code());
        ps.setLong(12, d.decidedAt().toEpochMilli());
    }

    /** @return candles forgotten; see {@code DecisionJournal.forgetDecisionsBefore} */
    static int forgetBefore(Connection c, Instant cutoff) throws SQLException {
        long ms = cutoff.toEpochMilli();
        try (PreparedStatement truncate = c.prepareStatement("UPDATE decision_sessions SET truncated = 1 "
                + "WHERE truncated = 0 AND id IN (SELECT session FROM decisions WHERE start < ?)");
             PreparedStatement delete = c.prepareStatement("DELETE FROM decisions WHERE start < ?");
             PreparedStatement sessions = c.prepareStatement("DELETE FROM decision_sessions WHERE started_at < ? "
                     + "AND NOT EXISTS (SELECT 1 FROM decisions WHERE session = decision_sessions.id)")) {
            truncate.setLong(1, ms);
            truncate.executeUpdate();
            delete.setLong(1, ms);
            int forgotten = delete.executeUpdate();
            sessions.setLong(1, ms);
            sessions.executeUpdate();
            return forgotten;
        }
    }

    /** @return the sessions, oldest first. */
    static List<DecisionSession> sessions(Connection c) throws SQLException {
        List<DecisionSession> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, started_at, truncated FROM decision_sessions "
                + "ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DecisionSession(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3) != 0));
            }
        }
        return out;
    }

    /** @return a session's candles, in the order read. */
    static List<CandleDecision> of(Connection c, long session) throws SQLException {
        List<CandleDecision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decisions WHERE session = ? "
                + "ORDER BY seq")) {
            ps.setLong(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candle candle = new Candle(Symbol.parse(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                            Duration.ofMillis(rs.getLong(4)), dec(rs, 5), dec(rs, 6), dec(rs, 7), dec(rs, 8),
                            dec(rs, 9));
                    String reason = rs.getString(11);
                    out.add(new CandleDecision(rs.getLong(1), candle, Action.valueOf(rs.getString(10)),
                            reason == null ? null : RejectReason.ofCode(reason), Instant.ofEpochMilli(rs.getLong(12))));
                }
            }
        }
        return out;
    }
}
