package com.byninja.bot;

import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.engine.port.AlertSink;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert, in the order they would reach the chat. */
public final class RecordingAlerts implements AlertSink {

    public record Alert(String text, String symbol, ObjectNode data) {
        public String event() {
            return data == null ? null : data.path("event").asText();
        }
    }

    public final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @Override
    public void raise(com.byninja.bot.domain.Alert alert) {
        alerts.add(new Alert(alert.text(), alert.symbolName(), alert.data()));
    }

    @Override
    public void deliver(List<OutboxAlert> committed) {
        committed.forEach(a -> alerts.add(new Alert(a.text(), a.symbol(), a.data())));
    }

    public List<String> events() {
        return alerts.stream().map(Alert::event).toList();
    }

    public Alert last() {
        return alerts.get(alerts.size() - 1);
    }

    /** @return the last alert of {@code event}, such as {@code position_closed}. */
    public Alert last(String event) {
        for (int i = alerts.size() - 1; i >= 0; i--) {
            if (event.equals(alerts.get(i).event())) {
                return alerts.get(i);
            }
        }
        throw new AssertionError("no " + event + " alert among " + events());
    }
}
