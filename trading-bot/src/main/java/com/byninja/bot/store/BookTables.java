package com.byninja.bot.store;

import static com.byninja.bot.store.Sql.dec;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's tables: {@code positions} (one open position per symbol), {@code trades} (the round trips sells closed),
 * {@code dust} (per asset, what closed positions left on the account) and {@code owner_stops} (the stop the owner set
 * on an open position). Works inside the caller's transaction.
 */
final class BookTables {

    private BookTables() {
    }

    static void upsertPosition(Connection c, Position p) throws SQLException {
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

    static void deletePosition(Connection c, Symbol symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM positions WHERE symbol = ?")) {
            ps.setString(1, symbol.toString());
            ps.executeUpdate();
        }
    }

    /** @return the open positions, by symbol. */
    static List<Position> positions(Connection c) throws SQLException {
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
    }

    static void insertTrade(Connection c, ClosedTrade t) throws SQLException {
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

    /** Adds a sell's fee, found after its fill, to the exit fees of the trade it closed and takes it off its PnL. */
    static void addExitFee(Connection c, String clientOrderId, BigDecimal fee) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT exit_fees, realised_pnl FROM trades "
                + "WHERE client_order_id = ?")) {
            read.setString(1, clientOrderId);
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    BigDecimal fees = dec(rs, 1).add(fee);
                    BigDecimal pnl = dec(rs, 2).subtract(fee);
                    try (PreparedStatement write = c.prepareStatement("UPDATE trades SET exit_fees = ?, "
                            + "realised_pnl = ? WHERE client_order_id = ?")) {
                        write.setString(1, fees.toPlainString());
                        write.setString(2, pnl.toPlainString());
                        write.setString(3, clientOrderId);
                        write.executeUpdate();
                    }
                }
            }
        }
    }

    private static final String TRADE_COLUMNS = "SELECT symbol, quantity, entry_cost, entry_fees, exit_price, "
            + "exit_fees, realised_pnl, opened_at, closed_at, exit_purpose, client_order_id FROM trades ";

    /** @return the trades of {@code symbol} (all when null) closed since {@code since} (ever when null), in order. */
    static List<ClosedTrade> trades(Connection c, Symbol symbol, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRADE_COLUMNS
                + "WHERE (? IS NULL OR symbol = ?) AND closed_at >= ? ORDER BY closed_at, id")) {
            Sql.bindSymbolAndSince(ps, symbol, since);
            return trades(ps);
        }
    }

    /** @return the last {@code limit} trades of {@code symbol} (all when null), the latest first. */
    static List<ClosedTrade> recentTrades(Connection c, Symbol symbol, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRADE_COLUMNS
                + "WHERE (? IS NULL OR symbol = ?) ORDER BY closed_at DESC, id DESC LIMIT ?")) {
            String s = symbol == null ? null : symbol.toString();
            ps.setString(1, s);
            ps.setString(2, s);
            ps.setInt(3, limit);
            return trades(ps);
        }
    }

    private static List<ClosedTrade> trades(PreparedStatement ps) throws SQLException {
        List<ClosedTrade> trades = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                trades.add(new ClosedTrade(Symbol.parse(rs.getString(1)), dec(rs, 2), dec(rs, 3),
                        dec(rs, 4), dec(rs, 5), dec(rs, 6), dec(rs, 7), Instant.ofEpochMilli(rs.getLong(8)),
                        Instant.ofEpochMilli(rs.getLong(9)), Purpose.valueOf(rs.getString(10)),
                        rs.getString(11)));
            }
        }
        return trades;
    }

    static void upsertOwnerStop(Connection c, OwnerStop stop) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO owner_stops (symbol, opened_at, level, set_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET opened_at = excluded.opened_at, "
                + "level = excluded.level, set_at = excluded.set_at")) {
            ps.setString(1, stop.symbol().toString());
            ps.setLong(2, stop.openedAt().toEpochMilli());
            ps.setString(3, stop.level().toPlainString());
            ps.setLong(4, stop.setAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void deleteOwnerStop(Connection c, Symbol symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM owner_stops WHERE symbol = ?")) {
            ps.setString(1, symbol.toString());
            ps.executeUpdate();
        }
    }

    /** @return the owner's stops, by symbol. */
    static List<OwnerStop> ownerStops(Connection c) throws SQLException {
        List<OwnerStop> stops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT symbol, opened_at, level, set_at FROM owner_stops "
                + "ORDER BY symbol");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stops.add(new OwnerStop(Symbol.parse(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                        dec(rs, 3), Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
        return stops;
    }

    /** @return the dust, by asset. */
    static Map<String, BigDecimal> dust(Connection c) throws SQLException {
        Map<String, BigDecimal> dust = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT asset, amount FROM dust ORDER BY asset");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                dust.put(rs.getString(1), new BigDecimal(rs.getString(2)));
            }
        }
        return dust;
    }

    static void upsertDust(Connection c, String asset, BigDecimal amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dust (asset, amount) VALUES (?, ?) "
                + "ON CONFLICT (asset) DO UPDATE SET amount = excluded.amount")) {
            ps.setString(1, asset);
            ps.setString(2, amount.toPlainString());
            ps.executeUpdate();
        }
    }
}
