package com.byninja.bot.store;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.engine.port.OrderJournal;
import com.byninja.bot.engine.port.PositionJournal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders, positions, closed trades, dust, control switches and the alert outbox in the {@link Database}. Money is
 * stored as decimal text, so it comes back exactly as it went in. Each method is one transaction, committed when it
 * returns; an event and the alerts it raises are written in the same one.
 */
public final class TradingStore implements OrderJournal, PositionJournal, ControlJournal {

    private static final String ORDER_COLUMNS = "client_order_id, symbol, side, purpose, quote_amount, quantity, "
            + "status, exchange_order_id, filled_quantity, quote_filled, fees, fees_known, refusal, reason, created_at, "
            + "updated_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public TradingStore(Database db) {
        this.db = db;
    }

    @Override
    public void insertOrder(Order order) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (" + ORDER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindOrder(ps, order);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void updateOrder(Order order, List<OutboxAlert> alerts) throws SQLException {
        db.inTransaction(c -> {
            updateOrder(c, order);
            insertAlerts(c, alerts);
            return null;
        });
    }

    @Override
    public boolean recordFill(Order order, FillOutcome outcome, List<OutboxAlert> alerts) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET applied = 1 WHERE client_order_id = ? "
                    + "AND applied = 0")) {
                ps.setString(1, order.clientOrderId());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
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
            if (outcome.dust().signum() != 0) {
                String asset = order.symbol().base();
                upsertDust(c, asset, dust(c).getOrDefault(asset, BigDecimal.ZERO).add(outcome.dust()));
            }
            insertAlerts(c, alerts);
            return true;
        });
    }

    @Override
    public void recordFees(Order order, Position position, BigDecimal sellFee) throws SQLException {
        db.inTransaction(c -> {
            updateOrder(c, order);
            if (position != null) {
                upsertPosition(c, position);
            }
            if (sellFee.signum() != 0) {
                try (PreparedStatement read = c.prepareStatement("SELECT exit_fees, realised_pnl FROM trades "
                        + "WHERE client_order_id = ?")) {
                    read.setString(1, order.clientOrderId());
                    try (ResultSet rs = read.executeQuery()) {
                        if (rs.next()) {
                            BigDecimal fees = dec(rs, 1).add(sellFee);
                            BigDecimal pnl = dec(rs, 2).subtract(sellFee);
                            try (PreparedStatement write = c.prepareStatement("UPDATE trades SET exit_fees = ?, "
                                    + "realised_pnl = ? WHERE client_order_id = ?")) {
                                write.setString(1, fees.toPlainString());
                                write.setString(2, pnl.toPlainString());
                                write.setString(3, order.clientOrderId());
                                write.executeUpdate();
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void savePosition(Position position) throws SQLException {
        db.inTransaction(c -> {
            upsertPosition(c, position);
            return null;
        });
    }

    @Override
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

    @Override
    public List<Order> ordersWithStatus(OrderStatus status) throws SQLException {
        return queryOrders("WHERE status = ? ORDER BY created_at", status.name());
    }

    @Override
    public List<Order> ordersWithUnknownFees() throws SQLException {
        return queryOrders("WHERE fees_known = 0 AND status IN ('FILLED', 'PARTIALLY_FILLED') ORDER BY created_at");
    }

    @Override
    public Optional<Order> order(String clientOrderId) throws SQLException {
        return queryOrders("WHERE client_order_id = ?", clientOrderId).stream().findFirst();
    }

    @Override
    public boolean isApplied(String clientOrderId) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT applied FROM orders WHERE client_order_id = ?")) {
                ps.setString(1, clientOrderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) != 0;
                }
            }
        });
    }

    @Override
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

    @Override
    public Map<String, BigDecimal> feesPaid(Symbol symbol, Instant since) throws SQLException {
        return db.inTransaction(c -> {
            Map<String, BigDecimal> total = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, fees, filled_quantity, quote_filled "
                    + "FROM orders WHERE status IN ('FILLED', 'PARTIALLY_FILLED') AND (? IS NULL OR symbol = ?) "
                    + "AND updated_at >= ? ORDER BY updated_at")) {
                bindSymbolAndSince(ps, symbol, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Symbol s = Symbol.parse(rs.getString(1));
                        total.putIfAbsent(s.quote(), BigDecimal.ZERO);
                        for (Fee f : Fee.parse(rs.getString(2))) {
                            if (f.currency().equals(s.base())) {
                                BigDecimal quantity = dec(rs, 3);
                                total.merge(s.quote(), f.amount().multiply(dec(rs, 4)).divide(quantity,
                                        Position.VALUE_PRECISION), BigDecimal::add);
                            } else {
                                total.merge(f.currency(), f.amount(), BigDecimal::add);
                            }
                        }
                    }
                }
            }
            total.replaceAll((currency, amount) -> amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros());
            return total;
        });
    }

    @Override
    public Map<String, BigDecimal> dust() throws SQLException {
        return db.inTransaction(TradingStore::dust);
    }

    @Override
    public void setDust(String asset, BigDecimal amount) throws SQLException {
        db.inTransaction(c -> {
            upsertDust(c, asset, amount);
            return null;
        });
    }

    private static Map<String, BigDecimal> dust(Connection c) throws SQLException {
        Map<String, BigDecimal> dust = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT asset, amount FROM dust ORDER BY asset");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                dust.put(rs.getString(1), new BigDecimal(rs.getString(2)));
            }
        }
        return dust;
    }

    private static void upsertDust(Connection c, String asset, BigDecimal amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dust (asset, amount) VALUES (?, ?) "
                + "ON CONFLICT (asset) DO UPDATE SET amount = excluded.amount")) {
            ps.setString(1, asset);
            ps.setString(2, amount.toPlainString());
            ps.executeUpdate();
        }
    }

    @Override
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

    @Override
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

    // ---- the alert outbox ------------------------------------------------------------------------------------

    /** Keeps alerts raised by something that changed nothing else in the store. */
    public void saveAlerts(List<OutboxAlert> alerts) throws SQLException {
        db.inTransaction(c -> {
            insertAlerts(c, alerts);
            return null;
        });
    }

    /** @return the alerts not yet delivered, oldest first. */
    public List<OutboxAlert> outbox() throws SQLException {
        return db.inTransaction(c -> {
            List<OutboxAlert> alerts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, text, symbol, data, created_at "
                    + "FROM alert_outbox ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new OutboxAlert(rs.getString(1), rs.getString(2), rs.getString(3),
                            json(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
            return alerts;
        });
    }

    /** Forgets delivered alerts, in one transaction. */
    public void deleteAlerts(Collection<String> ids) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_outbox WHERE id = ?")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void insertAlerts(Connection c, List<OutboxAlert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_outbox (id, text, symbol, data, created_at) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            for (OutboxAlert a : alerts) {
                ps.setString(1, a.id());
                ps.setString(2, a.text());
                ps.setString(3, a.symbol());
                ps.setString(4, a.data() == null ? null : a.data().toString());
                ps.setLong(5, a.createdAt().toEpochMilli());
                ps.executeUpdate();
            }
        }
    }

    private static ObjectNode json(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException | ClassCastException e) {
            throw new SQLException("an alert in the outbox holds data that is not a JSON object: " + e.getMessage(),
                    e);
        }
    }

    // ---- rows ------------------------------------------------------------------------------------------------

    private List<Order> queryOrders(String where, String... parameters) throws SQLException {
        return db.inTransaction(c -> {
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM orders " + where)) {
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
                                Instant.ofEpochMilli(rs.getLong(15)), Instant.ofEpochMilli(rs.getLong(16))));
                    }
                }
            }
            return orders;
        });
    }

    private static void updateOrder(Connection c, Order order) throws SQLException {
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
        ps.setString(10, o.quoteFilled().toPlainString());
        ps.setString(11, Fee.format(o.fees()));
        ps.setInt(12, o.feesKnown() ? 1 : 0);
        ps.setString(13, o.refusal() == null ? null : o.refusal().name());
        ps.setString(14, o.reason());
        ps.setLong(15, o.createdAt().toEpochMilli());
        ps.setLong(16, o.updatedAt().toEpochMilli());
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
