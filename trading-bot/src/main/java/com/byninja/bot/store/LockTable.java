package com.byninja.bot.store;

import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Symbol;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code entry_locks} table: the protections' locks in force. Works inside the caller's transaction. */
final class LockTable {

    private LockTable() {
    }

    static void upsert(Connection c, EntryLock lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry_locks (kind, scope, since, until, reason) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, scope) DO UPDATE SET since = excluded.since, "
                + "until = excluded.until, reason = excluded.reason")) {
            ps.setString(1, lock.kind().code());
            ps.setString(2, lock.scope());
            ps.setLong(3, lock.since().toEpochMilli());
            ps.setLong(4, lock.until().toEpochMilli());
            ps.setString(5, lock.reason());
            ps.executeUpdate();
        }
    }

    /** @return whether the lock was there (same protection, scope and end) and is deleted now. */
    static boolean delete(Connection c, EntryLock lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM entry_locks WHERE kind = ? AND scope = ? "
                + "AND until = ?")) {
            ps.setString(1, lock.kind().code());
            ps.setString(2, lock.scope());
            ps.setLong(3, lock.until().toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    /** @return every lock, by end, then protection, then scope. */
    static List<EntryLock> all(Connection c) throws SQLException {
        List<EntryLock> locks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, scope, since, until, reason FROM entry_locks "
                + "ORDER BY until, kind, scope");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String scope = rs.getString(2);
                try {
                    locks.add(new EntryLock(EntryLock.Kind.ofCode(rs.getString(1)),
                            scope.equals(EntryLock.ALL_SYMBOLS) ? null : Symbol.parse(scope),
                            Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)),
                            rs.getString(5)));
                } catch (IllegalArgumentException e) {
                    throw new SQLException("a lock in entry_locks cannot be read (" + rs.getString(1) + " on " + scope
                            + "): " + e.getMessage(), e);
                }
            }
        }
        return locks;
    }
}
