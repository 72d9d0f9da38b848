package com.byninja.bot.store;

import com.byninja.bot.domain.EquitySample;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code equity_samples} table. Works inside the caller's transaction. */
final class EquityTable {

    private EquityTable() {
    }

    static void upsert(Connection c, EquitySample sample) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO equity_samples (at, equity) VALUES (?, ?) "
                + "ON CONFLICT (at) DO UPDATE SET equity = excluded.equity")) {
            ps.setLong(1, sample.at().toEpochMilli());
            ps.setString(2, sample.equity().toPlainString());
            ps.executeUpdate();
        }
    }

    static List<EquitySample> since(Connection c, Instant since) throws SQLException {
        List<EquitySample> samples = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, equity FROM equity_samples WHERE at >= ? "
                + "ORDER BY at")) {
            ps.setLong(1, since.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    samples.add(new EquitySample(Instant.ofEpochMilli(rs.getLong(1)), new BigDecimal(rs.getString(2))));
                }
            }
        }
        return samples;
    }
}
