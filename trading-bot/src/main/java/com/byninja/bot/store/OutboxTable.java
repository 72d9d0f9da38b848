package com.byninja.bot.store;

import com.byninja.bot.domain.OutboxAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code alert_outbox} table: alerts from the transaction of the event that raised them until the
 * telegram-server has delivered them. Works inside the caller's transaction.
 */
final class OutboxTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxTable() {
    }

    static void insert(Connection c, List<OutboxAlert> alerts) throws SQLException {
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

    /** @return the alerts not yet delivered, oldest first. */
    static List<OutboxAlert> all(Connection c) throws SQLException {
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
    }

    static void delete(Connection c, Collection<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_outbox WHERE id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
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
}
