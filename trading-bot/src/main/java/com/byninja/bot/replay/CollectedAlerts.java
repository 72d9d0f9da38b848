package com.byninja.bot.replay;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.engine.port.AlertSink;
import java.util.ArrayList;
import java.util.List;

/** The alerts of a replay, kept in the order raised, for its report. Single-threaded, like the replay. */
public final class CollectedAlerts implements AlertSink {

    private final List<String> texts = new ArrayList<>();

    @Override
    public void raise(Alert alert) {
        texts.add(alert.text());
    }

    @Override
    public void deliver(List<OutboxAlert> committed) {
        committed.forEach(a -> texts.add(a.text()));
    }

    /** @return every alert's text so far, oldest first. */
    public List<String> texts() {
        return List.copyOf(texts);
    }
}
