package com.byninja.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 5 of the schema, upgrading a version 4 file in place by adding one table; nothing that was there changes:
 * {@code equity_samples}, the bot's equity (the free quote balance and the open positions at their last price, a
 * decimal as text) at each instant ({@code at}, epoch milliseconds) the trading thread sampled it, every
 * {@code store.equitySampleMinutes} on the clock. One row an hour is 8,760 a year, under half a megabyte.
 */
final class SchemaV5 {

    private SchemaV5() {
    }

    static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE equity_samples (at INTEGER PRIMARY KEY, equity TEXT NOT NULL)");
        }
    }
}
