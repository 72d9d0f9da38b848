package com.byninja.bot.store;

import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * How values are written to and read from the tables: money as its exact decimal text, so it comes back exactly as
 * it went in; times as epoch milliseconds.
 */
final class Sql {

    private Sql() {
    }

    static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.toPlainString());
        }
    }

    static BigDecimal dec(ResultSet rs, int column) throws SQLException {
        return new BigDecimal(rs.getString(column));
    }

    static BigDecimal decOrNull(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : new BigDecimal(s);
    }

    /** Binds the {@code (? IS NULL OR symbol = ?) AND ... >= ?} filter shared by the statistics queries. */
    static void bindSymbolAndSince(PreparedStatement ps, Symbol symbol, Instant since) throws SQLException {
        String s = symbol == null ? null : symbol.toString();
        ps.setString(1, s);
        ps.setString(2, s);
        ps.setLong(3, since == null ? Long.MIN_VALUE : since.toEpochMilli());
    }
}
