package com.byninja.bot.replay;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.engine.port.AlertSink;
import java.util.ArrayList;
import java.util.List;

/** The alerts of a replay, kept in the order raised for its report, or only counted. Single-threaded, like the replay. */
public final class CollectedAlerts implements AlertSink {

    private final List<String> texts = new ArrayList<>();
    private final boolean keep;
    private long count;

    /** Alerts kept, for {@link #texts}. */
    public CollectedAlerts() {
        this(true);
    }

    private CollectedAlerts(boolean keep) {
        this.keep = keep;
    }

    /** @return alerts counted and not kept, for a backtest, where nobody reads them */
    public static CollectedAlerts counted() {
        return new CollectedAlerts(false);
    }

    @Override
    public void raise(Alert alert) {
        count++;
        if (keep) {
            texts.add(alert.text());
        }
    }

    @Override
    public void deliver(List<OutboxAlert> committed) {
        count += committed.size();
        if (keep) {
            committed.forEach(a -> texts.add(a.text()));
        }
    }

    @Override
    public boolean read() {
        return keep;
    }

    /** @return alerts raised or delivered so far */
    public long count() {
        return count;
    }

    /** @return every alert's text so far, oldest first. */
    public List<String> texts() {
        return List.copyOf(texts);
    }
}
