package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated exchange's own books, in the bot's database: the paper wallet, every order it executed (by client
 * order id, so none executes twice) and the last prices (so a restart resumes the walk where it stopped).
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
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sim_orders");
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
