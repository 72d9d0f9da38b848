package com.byninja.bot.store;

import static com.byninja.bot.store.Sql.dec;
import static com.byninja.bot.store.Sql.decOrNull;
import static com.byninja.bot.store.Sql.setDecimal;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.FeesPaid;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderRequest.Type;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code orders} table: an order's row from its decision to the exchange's final answer, the flag that its fill
 * has been applied, and the fees its fills paid. A resting order whose fills were booked as they came has a row per
 * slice ({@code <id>/1}, {@code <id>/2}, ...), and its own row applies, when it ends, only what they did not book: the
 * rows' fills and fees add up to the order's once. Works inside the caller's transaction.
 */
final class OrderTable {

    private static final String COLUMNS = "client_order_id, symbol, side, purpose, quote_amount, quantity, status, "
            + "exchange_order_id, filled_quantity, quote_filled, fees, fees_known, refusal, reason, created_at, "
            + "updated_at, type, limit_price, stop_price, post_only";

    private OrderTable() {
    }

    static void insert(Connection c, Order o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, o.clientOrderId());
            ps.setString(2, o.symbol().toString());
            ps.setString(3, o.side().name());
            ps.setString(4, o.purpose().name());
            setDecimal(ps, 5, o.quoteAmount());
            setDecimal(ps, 6, o.quantity());
            ps.setString(7, o.status().name());
            ps.setString(8, o.exchangeOrderId());
            ps.setString(9, o.filledQuantity().toPlainString());
            ps.setString(10, o.quoteFilled().toPlainString());
            ps.setString(11, Fee.format(o.fees()));
            ps.setInt(12, o.feesKnown() ? 1 : 0);
            ps.setString(13, o.refusal() == null ? null : o.refusal().name());
            ps.setString(14, o.reason());
            ps.setLong(15, o.createdAt().toEpochMilli());
            ps.setLong(16, o.updatedAt().toEpochMilli());
            ps.setString(17, o.type().name());
            setDecimal(ps, 18, o.limitPrice());
            setDecimal(ps, 19, o.stopPrice());
            ps.setInt(20, o.postOnly() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /**
     * Writes what the exchange's answer changes; what the bot decided (symbol, side, purpose, amounts, creation time)
     * stays as inserted.
     *
     * @throws SQLException when there is no such order
     */
    static void update(Connection c, Order order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET status = ?, exchange_order_id = ?, "
                + "filled_quantity = ?, quote_filled = ?, fees = ?, fees_known = ?, refusal = ?, reason = ?, "
                + "updated_at = ? WHERE client_order_id = ?")) {
            ps.setString(1, order.status().name());
            ps.setString(2, order.exchangeOrderId());
            ps.setString(3, order.filledQuantity().toPlainString());
            ps.setString(4, order.quoteFilled().toPlainString());
            ps.setString(5, Fee.format(order.fees()));
            ps.setInt(6, order.feesKnown() ? 1 : 0);
            ps.setString(7, order.refusal() == null ? null : order.refusal().name());
            ps.setString(8, order.reason());
            ps.setLong(9, order.updatedAt().toEpochMilli());
            ps.setString(10, order.clientOrderId());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no order " + order.clientOrderId() + " to update");
            }
        }
    }

    /** @return whether the order was there and not applied before; it is marked applied now. */
    static boolean markApplied(Connection c, String clientOrderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET applied = 1 WHERE client_order_id = ? "
                + "AND applied = 0")) {
            ps.setString(1, clientOrderId);
            return ps.executeUpdate() == 1;
        }
    }

    static boolean isApplied(Connection c, String clientOrderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT applied FROM orders WHERE client_order_id = ?")) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        }
    }

    /**
     * @param where      the rest of the query after {@code FROM orders}
     * @param parameters its parameters, as text
     */
    static List<Order> select(Connection c, String where, String... parameters) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String refusal = rs.getString(13);
                    orders.add(new Order(rs.getString(1), Symbol.parse(rs.getString(2)),
                            Side.valueOf(rs.getString(3)), Purpose.valueOf(rs.getString(4)), decOrNull(rs, 5),
                            decOrNull(rs, 6), OrderStatus.valueOf(rs.getString(7)), rs.getString(8), dec(rs, 9),
                            dec(rs, 10), Fee.parse(rs.getString(11)), rs.getInt(12) != 0,
                            refusal == null ? null : Refusal.valueOf(refusal), rs.getString(14),
                            Instant.ofEpochMilli(rs.getLong(15)), Instant.ofEpochMilli(rs.getLong(16)),
                            Type.valueOf(rs.getString(17)), decOrNull(rs, 18), decOrNull(rs, 19),
                            rs.getInt(20) != 0));
                }
            }
        }
        return orders;
    }

    /** @return the fees of executed orders, per currency, as {@link FeesPaid} adds them up. */
    static Map<String, BigDecimal> feesPaid(Connection c, Symbol symbol, Instant since) throws SQLException {
        FeesPaid paid = new FeesPaid();
        try (PreparedStatement ps = c.prepareStatement("SELECT symbol, fees, filled_quantity, quote_filled "
                + "FROM orders WHERE status IN ('FILLED', 'PARTIALLY_FILLED') AND (? IS NULL OR symbol = ?) "
                + "AND updated_at >= ? ORDER BY updated_at")) {
            Sql.bindSymbolAndSince(ps, symbol, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paid.add(Symbol.parse(rs.getString(1)), Fee.parse(rs.getString(2)), dec(rs, 3), dec(rs, 4));
                }
            }
        }
        return paid.totals();
    }
}
