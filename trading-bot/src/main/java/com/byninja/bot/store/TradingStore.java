package com.byninja.bot.store;

import com.byninja.bot.control.Flags;
import com.byninja.bot.exchange.OrderRequest.Side;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.orders.Order;
import com.byninja.bot.orders.OrderStatus;
import com.byninja.bot.orders.Purpose;
import com.byninja.bot.positions.ClosedTrade;
import com.byninja.bot.positions.Position;
import com.byninja.bot.positions.PositionBook.FillOutcome;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders, positions, closed trades and control switches in the {@link Database}. Money is stored as decimal text, so
 * it comes back exactly as it went in. Each method is one transaction, committed when it returns.
 */
public final class TradingStore {

    /** The control scope of the global switches; symbol scopes are the symbols' names. */
    public static final String GLOBAL_SCOPE = "*";

    private static final String ORDER_COLUMNS = "client_order_id, symbol, side, purpose, quote_amount, quantity, "
            + "status, exchange_order_id, filled_quantity, average_price, fee, fee_currency, reason, created_at, "
            + "updated_at";

    private final Database db;

    public TradingStore(Database db) {
        this.db = db;
    }

    /** Records a new order; it must be committed before the order is sent. */
    public void insertOrder(Order order) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (" + ORDER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindOrder(ps, order);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records an order's final state without a fill (rejected, cancelled). */
    public void updateOrder(Order order) throws SQLException {
        db.inTransaction(c -> {
            updateOrder(c, order);
            return null;
        });
    }

    /** Records an order's fill and its effect on positions and trades, atomically. */
    public void recordFill(Order order, FillOutcome outcome) throws SQLException {
        db.inTransaction(c -> {
            updateOrder(c, order);
            if (outcome.after() == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM positions WHERE symbol = ?")) {
                    ps.setString(1, order.symbol().toString());
                    ps.executeUpdate();
                }
            } else {
                upsertPosition(c, outcome.after());
            }
            if (outcome.closedTrade() != null) {
                insertTrade(c, outcome.closedTrade());
            }
            return null;
        });
    }

    /** Saves a position, such as its new high-water mark. */
    public void savePosition(Position position) throws SQLException {
        db.inTransaction(c -> {
            upsertPosition(c, position);
            return null;
        });
    }

    /** @return the open positions. */
    public List<Position> loadPositions() throws SQLException {
        return db.inTransaction(c -> {
            List<Position> positions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, quantity, entry_cost, entry_fees, "
                    + "opened_at, highest_price FROM positions ORDER BY symbol");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.add(new Position(Symbol.parse(rs.getString(1)), dec(rs, 2), dec(rs, 3), dec(rs, 4),
                            Instant.ofEpochMilli(rs.getLong(5)), dec(rs, 6)));
                }
            }
            return positions;
        });
    }

    /** @return the orders in {@code status}, oldest first. */
    public List<Order> ordersWithStatus(OrderStatus status) throws SQLException {
        return queryOrders("WHERE status = ? ORDER BY created_at", status.name());
    }

    /** @return the order with this client order id. */
    public Optional<Order> order(String clientOrderId) throws SQLException {
        return queryOrders("WHERE client_order_id = ?", clientOrderId).stream().findFirst();
    }

    /**
     * @param symbol only this symbol's trades, or null for all
     * @param since  only trades closed at or after this instant, or null for all time
     * @return the closed trades, in the order they closed
     */
    public List<ClosedTrade> closedTrades(Symbol symbol, Instant since) throws SQLException {
        return db.inTransaction(c -> {
            List<ClosedTrade> trades = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, quantity, entry_cost, entry_fees, "
                    + "exit_price, exit_fees, realised_pnl, opened_at, closed_at, exit_purpose, client_order_id "
                    + "FROM trades WHERE (? IS NULL OR symbol = ?) AND closed_at >= ? ORDER BY closed_at, id")) {
                bindSymbolAndSince(ps, symbol, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        trades.add(new ClosedTrade(Symbol.parse(rs.getString(1)), dec(rs, 2), dec(rs, 3),
                                dec(rs, 4), dec(rs, 5), dec(rs, 6), dec(rs, 7), Instant.ofEpochMilli(rs.getLong(8)),
                                Instant.ofEpochMilli(rs.getLong(9)), Purpose.valueOf(rs.getString(10)),
                                rs.getString(11)));
                    }
                }
            }
            return trades;
        });
    }

    /**
     * @param symbol only this symbol's orders, or null for all
     * @param since  only orders filled at or after this instant, or null for all time
     * @return the fees of those fills, in the quote currency
     */
    public BigDecimal feesPaid(Symbol symbol, Instant since) throws SQLException {
        return db.inTransaction(c -> {
            BigDecimal total = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, fee, fee_currency, average_price "
                    + "FROM orders WHERE status IN ('FILLED', 'PARTIALLY_FILLED') AND (? IS NULL OR symbol = ?) "
                    + "AND updated_at >= ?")) {
                bindSymbolAndSince(ps, symbol, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal fee = dec(rs, 2);
                        boolean inBase = Symbol.parse(rs.getString(1)).base().equals(rs.getString(3));
                        total = total.add(inBase ? fee.multiply(dec(rs, 4)) : fee);
                    }
                }
            }
            return total;
        });
    }

    /** Saves the switches of one scope: {@link #GLOBAL_SCOPE} or a symbol's name. */
    public void saveFlags(String scope, Flags flags) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO control (scope, trading, buy, sell) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (scope) DO UPDATE SET trading = excluded.trading, "
                    + "buy = excluded.buy, sell = excluded.sell")) {
                ps.setString(1, scope);
                ps.setInt(2, flags.trading() ? 1 : 0);
                ps.setInt(3, flags.buy() ? 1 : 0);
                ps.setInt(4, flags.sell() ? 1 : 0);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return the saved switches by scope; empty on a first start. */
    public Map<String, Flags> loadFlags() throws SQLException {
        return db.inTransaction(c -> {
            Map<String, Flags> flags = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT scope, trading, buy, sell FROM control");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flags.put(rs.getString(1), new Flags(rs.getInt(2) != 0, rs.getInt(3) != 0, rs.getInt(4) != 0));
                }
            }
            return flags;
        });
    }

    private List<Order> queryOrders(String where, String parameter) throws SQLException {
        return db.inTransaction(c -> {
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM orders " + where)) {
                ps.setString(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(new Order(rs.getString(1), Symbol.parse(rs.getString(2)),
                                Side.valueOf(rs.getString(3)), Purpose.valueOf(rs.getString(4)), decOrNull(rs, 5),
                                decOrNull(rs, 6), OrderStatus.valueOf(rs.getString(7)), rs.getString(8), dec(rs, 9),
                                dec(rs, 10), dec(rs, 11), rs.getString(12), rs.getString(13),
                                Instant.ofEpochMilli(rs.getLong(14)), Instant.ofEpochMilli(rs.getLong(15))));
                    }
                }
            }
            return orders;
        });
    }

    private static void updateOrder(Connection c, Order order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET status = ?, exchange_order_id = ?, "
                + "filled_quantity = ?, average_price = ?, fee = ?, fee_currency = ?, reason = ?, updated_at = ? "
                + "WHERE client_order_id = ?")) {
            ps.setString(1, order.status().name());
            ps.setString(2, order.exchangeOrderId());
            ps.setString(3, order.filledQuantity().toPlainString());
            ps.setString(4, order.averagePrice().toPlainString());
            ps.setString(5, order.fee().toPlainString());
            ps.setString(6, order.feeCurrency());
            ps.setString(7, order.reason());
            ps.setLong(8, order.updatedAt().toEpochMilli());
            ps.setString(9, order.clientOrderId());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no order " + order.clientOrderId() + " to update");
            }
        }
    }

    private static void bindOrder(PreparedStatement ps, Order o) throws SQLException {
        ps.setString(1, o.clientOrderId());
        ps.setString(2, o.symbol().toString());
        ps.setString(3, o.side().name());
        ps.setString(4, o.purpose().name());
        setDecimal(ps, 5, o.quoteAmount());
        setDecimal(ps, 6, o.quantity());
        ps.setString(7, o.status().name());
        ps.setString(8, o.exchangeOrderId());
        ps.setString(9, o.filledQuantity().toPlainString());
        ps.setString(10, o.averagePrice().toPlainString());
        ps.setString(11, o.fee().toPlainString());
        ps.setString(12, o.feeCurrency());
        ps.setString(13, o.reason());
        ps.setLong(14, o.createdAt().toEpochMilli());
        ps.setLong(15, o.updatedAt().toEpochMilli());
    }

    private static void upsertPosition(Connection c, Position p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions (symbol, quantity, entry_cost, "
                + "entry_fees, opened_at, highest_price) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET "
                + "quantity = excluded.quantity, entry_cost = excluded.entry_cost, entry_fees = excluded.entry_fees, "
                + "opened_at = excluded.opened_at, highest_price = excluded.highest_price")) {
            ps.setString(1, p.symbol().toString());
            ps.setString(2, p.quantity().toPlainString());
            ps.setString(3, p.entryCost().toPlainString());
            ps.setString(4, p.entryFees().toPlainString());
            ps.setLong(5, p.openedAt().toEpochMilli());
            ps.setString(6, p.highestPrice().toPlainString());
            ps.executeUpdate();
        }
    }

    private static void insertTrade(Connection c, ClosedTrade t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trades (symbol, quantity, entry_cost, entry_fees, "
                + "exit_price, exit_fees, realised_pnl, opened_at, closed_at, exit_purpose, client_order_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.symbol().toString());
            ps.setString(2, t.quantity().toPlainString());
            ps.setString(3, t.entryCost().toPlainString());
            ps.setString(4, t.entryFees().toPlainString());
            ps.setString(5, t.exitPrice().toPlainString());
            ps.setString(6, t.exitFees().toPlainString());
            ps.setString(7, t.realisedPnl().toPlainString());
            ps.setLong(8, t.openedAt().toEpochMilli());
            ps.setLong(9, t.closedAt().toEpochMilli());
            ps.setString(10, t.exitPurpose().name());
            ps.setString(11, t.clientOrderId());
            ps.executeUpdate();
        }
    }

    private static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.toPlainString());
        }
    }

    private static BigDecimal dec(ResultSet rs, int column) throws SQLException {
        return new BigDecimal(rs.getString(column));
    }

    private static BigDecimal decOrNull(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : new BigDecimal(s);
    }

    /** Binds the {@code (? IS NULL OR symbol = ?) AND ... >= ?} filter shared by the statistics queries. */
    private static void bindSymbolAndSince(PreparedStatement ps, Symbol symbol, Instant since) throws SQLException {
        String s = symbol == null ? null : symbol.toString();
        ps.setString(1, s);
        ps.setString(2, s);
        ps.setLong(3, since == null ? Long.MIN_VALUE : since.toEpochMilli());
    }
}
