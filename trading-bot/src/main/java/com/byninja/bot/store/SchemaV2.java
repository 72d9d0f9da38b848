package com.byninja.bot.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Version 2 of the schema, upgrading a version 1 file in place:
 * <ul>
 *   <li>orders keep the exchange's exact quote amount ({@code quote_filled}) instead of a rounded average price, fees
 *       per currency ({@code fees}, such as {@code 0.1 USDT;0.0003 BNB}), whether the fees are known yet, why the
 *       exchange refused an order, and whether the order's fill has been applied to the positions ({@code applied}:
 *       each order is applied at most once);</li>
 *   <li>the simulator's orders likewise;</li>
 *   <li>{@code dust}: per asset, the remainders below the exchange's quantity step that closed positions left on the
 *       account;</li>
 *   <li>{@code alert_outbox}: alerts written with the event that raised them, deleted once the telegram-server has
 *       delivered them.</li>
 * </ul>
 */
final class SchemaV2 {

    private SchemaV2() {
    }

    static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : List.of(
                    "ALTER TABLE orders ADD COLUMN quote_filled TEXT NOT NULL DEFAULT '0'",
                    "ALTER TABLE orders ADD COLUMN fees TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE orders ADD COLUMN fees_known INTEGER NOT NULL DEFAULT 1",
                    "ALTER TABLE orders ADD COLUMN refusal TEXT",
                    "ALTER TABLE orders ADD COLUMN applied INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE sim_orders ADD COLUMN quote_quantity TEXT NOT NULL DEFAULT '0'",
                    "ALTER TABLE sim_orders ADD COLUMN fees TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE sim_orders ADD COLUMN refusal TEXT",
                    "CREATE TABLE dust (asset TEXT PRIMARY KEY, amount TEXT NOT NULL)",
                    """
                    CREATE TABLE alert_outbox (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
                      symbol TEXT, data TEXT, created_at INTEGER NOT NULL)""")) {
                st.execute(ddl);
            }
        }
        convert(c, "orders", "client_order_id", "quote_filled");
        try (Statement st = c.createStatement()) {
            // Version 1 recorded a fill and its position change in one transaction: every filled order was applied.
            st.execute("UPDATE orders SET applied = 1 WHERE status IN ('FILLED', 'PARTIALLY_FILLED')");
        }
        convert(c, "sim_orders", "client_order_id", "quote_quantity");
        try (Statement st = c.createStatement()) {
            for (String table : List.of("orders", "sim_orders")) {
                for (String column : List.of("average_price", "fee", "fee_currency")) {
                    st.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
                }
            }
        }
    }

    /** Quote amount from quantity times average price (the best version 1 knew), fees from one fee and currency. */
    private static void convert(Connection c, String table, String key, String quoteColumn) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT " + key + ", filled_quantity, average_price, fee, "
                + "fee_currency FROM " + table);
             PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET " + quoteColumn
                     + " = ?, fees = ? WHERE " + key + " = ?");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                BigDecimal quote = new BigDecimal(rs.getString(2)).multiply(new BigDecimal(rs.getString(3)));
                BigDecimal fee = new BigDecimal(rs.getString(4));
                String currency = rs.getString(5);
                write.setString(1, quote.toPlainString());
                write.setString(2, fee.signum() == 0 || currency == null ? ""
                        : fee.stripTrailingZeros().toPlainString() + " " + currency);
                write.setString(3, rs.getString(1));
                write.executeUpdate();
            }
        }
    }
}
