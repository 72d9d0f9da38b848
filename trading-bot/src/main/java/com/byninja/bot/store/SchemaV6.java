package com.byninja.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 6 of the schema, upgrading a version 5 file in place by adding one table; nothing that was there changes:
 * {@code owner_stops}, the stop-loss the owner set on an open position ({@code /breakeven}): one row per symbol, with
 * the {@code opened_at} of the position it belongs to (epoch milliseconds, as in {@code positions}), its
 * {@code level} (a decimal as text) and when it was set. The fill that closes the position deletes the row.
 */
final class SchemaV6 {

    private SchemaV6() {
    }

    static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE owner_stops (symbol TEXT PRIMARY KEY, opened_at INTEGER NOT NULL, "
                    + "level TEXT NOT NULL, set_at INTEGER NOT NULL)");
        }
    }
}
