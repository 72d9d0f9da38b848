package com.byninja.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Version 3 of the schema, upgrading a version 2 file in place by adding two tables; nothing that was there changes:
 * <ul>
 *   <li>{@code decision_sessions}: one row per start of the bot, numbered; {@code truncated} once the age limit has
 *       removed some of its candles;</li>
 *   <li>{@code decisions}: per session, symbol and candle, the candle as the strategy read it (exact decimal text) and
 *       what the trader did with it ({@code action}: {@code HISTORY}, {@code HOLD}, {@code ENTRY}, {@code EXIT},
 *       {@code BUY_IGNORED}, {@code SELL_IGNORED}; {@code reason}: the reject reason's code for an ignored signal),
 *       in the order read ({@code seq}); kept {@code store.decisionRetentionDays} by the candle's start.</li>
 * </ul>
 */
final class SchemaV3 {

    private SchemaV3() {
    }

    static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : List.of(
                    """
                    CREATE TABLE decision_sessions (
                      id INTEGER PRIMARY KEY AUTOINCREMENT, started_at INTEGER NOT NULL,
                      truncated INTEGER NOT NULL DEFAULT 0)""",
                    """
                    CREATE TABLE decisions (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT, session INTEGER NOT NULL, symbol TEXT NOT NULL,
                      start INTEGER NOT NULL, period_ms INTEGER NOT NULL, open TEXT NOT NULL, high TEXT NOT NULL,
                      low TEXT NOT NULL, close TEXT NOT NULL, volume TEXT NOT NULL, action TEXT NOT NULL, reason TEXT,
                      decided_at INTEGER NOT NULL, UNIQUE (session, symbol, start))""",
                    "CREATE INDEX decisions_by_start ON decisions (start)")) {
                st.execute(ddl);
            }
        }
    }
}
