package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated exchange's own books, in the bot's database: the paper wallet's free balances, the orders resting in
 * it ({@code sim_open_orders}), every order that reached a final state (by client order id, so none executes twice)
 * and the last prices (so a restart resumes the walk where it stopped).
 */
public final class SimulatorLedger implements WalletLedger {

    /** A saved price: the walk's price at a tick. */
    public record SavedPrice(double price, long tick) {
    }

    private final Database db;

    public SimulatorLedger(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, BigDecimal> loadBalances() throws SQLException {
        return db.inTransaction(c -> {
            Map<String, BigDecimal> balances = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT currency, amount FROM sim_balances");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    balances.put(rs.getString(1), new BigDecimal(rs.getString(2)));
                }
            }
            return balances;
        });
    }

    @Override
    public void saveBalances(Map<String, BigDecimal> balances) throws SQLException {
        db.inTransaction(c -> {
            upsertBalances(c, balances);
            return null;
        });
    }

    @Override
    public void recordExecution(ExecutionReport report, Map<String, BigDecimal> balancesAfter) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sim_open_orders WHERE client_order_id = ?")) {
                ps.setString(1, report.clientOrderId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sim_orders (client_order_id, "
                    + "exchange_order_id, status, filled_quantity, quote_quantity, fees, refusal, reason, time) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, report.clientOrderId());
                ps.setString(2, report.exchangeOrderId());
                ps.setString(3, report.status().name());
                ps.setString(4, report.filledQuantity().toPlainString());
                ps.setString(5, report.quoteQuantity().toPlainString());
                ps.setString(6, Fee.format(report.fees()));
                ps.setString(7, report.refusal() == null ? null : report.refusal().name());
                ps.setString(8, report.reason());
                ps.setLong(9, report.time().toEpochMilli());
                ps.executeUpdate();
            }
            upsertBalances(c, balancesAfter);
            return null;
        });
    }

    @Override
    public void recordResting(RestingOrder order, Map<String, BigDecimal> balancesAfter) throws SQLException {
        OrderRequest r = order.request();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sim_open_orders (client_order_id, "
                    + "exchange_order_id, symbol, side, type, quote_amount, quantity, limit_price, stop_price, "
                    + "post_only, triggered, locked, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.clientOrderId());
                ps.setString(2, order.exchangeOrderId());
                ps.setString(3, r.symbol().toString());
                ps.setString(4, r.side().name());
                ps.setString(5, r.type().name());
                ps.setString(6, plain(r.quoteAmount()));
                ps.setString(7, order.quantity().toPlainString());
                ps.setString(8, r.limitPrice().toPlainString());
                ps.setString(9, plain(r.stopPrice()));
                ps.setInt(10, r.postOnly() ? 1 : 0);
                ps.setInt(11, order.triggered() ? 1 : 0);
                ps.setString(12, order.locked().toPlainString());
                ps.setLong(13, order.placedAt().toEpochMilli());
                ps.executeUpdate();
            }
            upsertBalances(c, balancesAfter);
            return null;
        });
    }

    @Override
    public void recordTriggered(String clientOrderId) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sim_open_orders SET triggered = 1 WHERE client_order_id = ?")) {
                ps.setString(1, clientOrderId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<RestingOrder> loadResting() throws SQLException {
        return db.inTransaction(c -> {
            List<RestingOrder> resting = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT client_order_id, exchange_order_id, symbol, side, "
                    + "type, quote_amount, quantity, limit_price, stop_price, post_only, triggered, locked, placed_at "
                    + "FROM sim_open_orders ORDER BY rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OrderRequest.Side side = OrderRequest.Side.valueOf(rs.getString(4));
                    BigDecimal quantity = new BigDecimal(rs.getString(7));
                    OrderRequest request = new OrderRequest(rs.getString(1), Symbol.parse(rs.getString(3)), side,
                            decimal(rs.getString(6)), side == OrderRequest.Side.SELL ? quantity : null,
                            OrderRequest.Type.valueOf(rs.getString(5)), new BigDecimal(rs.getString(8)),
                            decimal(rs.getString(9)), rs.getInt(10) != 0);
                    resting.add(new RestingOrder(request, rs.getString(2), quantity, new BigDecimal(rs.getString(12)),
                            rs.getInt(11) != 0, Instant.ofEpochMilli(rs.getLong(13))));
                }
            }
            return resting;
        });
    }

    @Override
    public Optional<ExecutionReport> findOrder(String clientOrderId) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT exchange_order_id, status, filled_quantity, "
                    + "quote_quantity, fees, refusal, reason, time FROM sim_orders WHERE client_order_id = ?")) {
                ps.setString(1, clientOrderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    ExecutionReport.Status status = ExecutionReport.Status.valueOf(rs.getString(2));
                    String refusal = rs.getString(6);
                    return Optional.of(new ExecutionReport(clientOrderId, rs.getString(1), status,
                            new BigDecimal(rs.getString(3)), new BigDecimal(rs.getString(4)),
                            Fee.parse(rs.getString(5)), true, refusal != null ? Refusal.valueOf(refusal)
                            : status == ExecutionReport.Status.REJECTED ? Refusal.OTHER : null, rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
        });
    }

    @Override
    public long orderCount() throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM sim_orders) + (SELECT COUNT(*) FROM sim_open_orders)");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public Map<Symbol, SavedPrice> loadPrices() throws SQLException {
        return db.inTransaction(c -> {
            Map<Symbol, SavedPrice> prices = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, price, tick FROM sim_prices");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    prices.put(Symbol.parse(rs.getString(1)),
                            new SavedPrice(Double.parseDouble(rs.getString(2)), rs.getLong(3)));
                }
            }
            return prices;
        });
    }

    public void savePrice(Symbol symbol, SavedPrice price) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sim_prices (symbol, price, tick) VALUES "
                    + "(?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET price = excluded.price, tick = excluded.tick")) {
                ps.setString(1, symbol.toString());
                ps.setString(2, Double.toString(price.price()));
                ps.setLong(3, price.tick());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static void upsertBalances(Connection c, Map<String, BigDecimal> balances) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sim_balances (currency, amount) VALUES (?, ?) "
                + "ON CONFLICT (currency) DO UPDATE SET amount = excluded.amount")) {
            for (Map.Entry<String, BigDecimal> e : balances.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue().toPlainString());
                ps.executeUpdate();
            }
        }
    }
}
