package com.byninja.bot.store;

import com.byninja.bot.domain.Flags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code control} table: each scope's switches. Works inside the caller's transaction. */
final class ControlTable {

    private ControlTable() {
    }

    static void save(Connection c, String scope, Flags flags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO control (scope, trading, buy, sell) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (scope) DO UPDATE SET trading = excluded.trading, "
                + "buy = excluded.buy, sell = excluded.sell")) {
            ps.setString(1, scope);
            ps.setInt(2, flags.trading() ? 1 : 0);
            ps.setInt(3, flags.buy() ? 1 : 0);
            ps.setInt(4, flags.sell() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /** @return every scope's switches, in the order the scopes were first saved. */
    static Map<String, Flags> load(Connection c) throws SQLException {
        Map<String, Flags> flags = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT scope, trading, buy, sell FROM control");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                flags.put(rs.getString(1), new Flags(rs.getInt(2) != 0, rs.getInt(3) != 0, rs.getInt(4) != 0));
            }
        }
        return flags;
    }
}
