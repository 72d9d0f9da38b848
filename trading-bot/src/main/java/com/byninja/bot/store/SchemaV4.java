package com.byninja.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 4 of the schema, upgrading a version 3 file in place by adding one table; nothing that was there changes:
 * {@code entry_locks}, the protections' locks on the strategy's entries, one per protection ({@code kind}:
 * {@code cooldown}, {@code stop_loss_guard}, {@code max_drawdown}, {@code low_profit}) and scope (a symbol, or
 * {@code *} for all), with when what set it happened ({@code since}), the first instant the strategy may buy again
 * ({@code until}, epoch milliseconds) and why, for people ({@code reason}). A row is written when its lock starts and
 * deleted when its end is announced, each with its alert.
 */
final class SchemaV4 {

    private SchemaV4() {
    }

    static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE entry_locks (
                      kind TEXT NOT NULL, scope TEXT NOT NULL, since INTEGER NOT NULL, until INTEGER NOT NULL,
                      reason TEXT NOT NULL, PRIMARY KEY (kind, scope))""");
        }
    }
}
