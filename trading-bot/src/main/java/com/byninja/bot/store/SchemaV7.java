package com.byninja.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 7 of the schema, upgrading a version 6 file in place; nothing that was there changes meaning:
 * <ul>
 *   <li>{@code orders} gains how an order executes: {@code type} ({@code MARKET}, the only type before, for every
 *       existing row; {@code LIMIT}; {@code STOP_LOSS_LIMIT}), {@code limit_price} and {@code stop_price} (decimals as
 *       text, null where the type has none) and {@code post_only} (0 or 1). An order resting on the exchange has the
 *       status {@code OPEN}.</li>
 *   <li>{@code sim_open_orders}: the orders resting in the paper wallet (the simulator's and paper trading's), by
 *       client order id, until they fill or are cancelled: the request ({@code quote_amount} of a buy, {@code quantity}
 *       to trade, prices, {@code post_only}), whether a stop has {@code triggered}, and what it {@code locked} (the
 *       coins a sell holds back, or the quote a buy may spend with its fee), which the wallet's free balance in
 *       {@code sim_balances} no longer counts.</li>
 * </ul>
 */
final class SchemaV7 {

    private SchemaV7() {
    }

    static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE orders ADD COLUMN type TEXT NOT NULL DEFAULT 'MARKET'");
            st.execute("ALTER TABLE orders ADD COLUMN limit_price TEXT");
            st.execute("ALTER TABLE orders ADD COLUMN stop_price TEXT");
            st.execute("ALTER TABLE orders ADD COLUMN post_only INTEGER NOT NULL DEFAULT 0");
            st.execute("""
                    CREATE TABLE sim_open_orders (
                      client_order_id TEXT PRIMARY KEY, exchange_order_id TEXT NOT NULL, symbol TEXT NOT NULL,
                      side TEXT NOT NULL, type TEXT NOT NULL, quote_amount TEXT, quantity TEXT NOT NULL,
                      limit_price TEXT NOT NULL, stop_price TEXT, post_only INTEGER NOT NULL,
                      triggered INTEGER NOT NULL, locked TEXT NOT NULL, placed_at INTEGER NOT NULL)""");
        }
    }
}
