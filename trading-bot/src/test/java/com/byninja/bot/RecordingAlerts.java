package com.byninja.bot;

import com.byninja.bot.link.Alerts;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert. */
public final class RecordingAlerts implements Alerts {

    public record Alert(String text, String symbol, ObjectNode data) {
        public String event() {
            return data == null ? null : data.path("event").asText();
        }
    }

    public final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @Override
    public void alert(String text, String symbol, ObjectNode data) {
        alerts.add(new Alert(text, symbol, data));
    }

    public List<String> events() {
        return alerts.stream().map(Alert::event).toList();
    }

    public Alert last() {
        return alerts.get(alerts.size() - 1);
    }
}
