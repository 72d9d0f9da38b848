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
import java.util.Optional;

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

    /** @return the latest sample at or before {@code at} */
    static Optional<EquitySample> atOrBefore(Connection c, Instant at) throws SQLException {
        return one(c, "SELECT at, equity FROM equity_samples WHERE at <= ? ORDER BY at DESC LIMIT 1", at);
    }

    /** @return the earliest sample at or after {@code at} */
    static Optional<EquitySample> atOrAfter(Connection c, Instant at) throws SQLException {
        return one(c, "SELECT at, equity FROM equity_samples WHERE at >= ? ORDER BY at LIMIT 1", at);
    }

    private static Optional<EquitySample> one(Connection c, String sql, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, at.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new EquitySample(Instant.ofEpochMilli(rs.getLong(1)),
                        new BigDecimal(rs.getString(2)))) : Optional.empty();
            }
        }
    }
}
