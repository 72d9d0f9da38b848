package com.byninja.bot;

import com.byninja.bot.link.Alerts;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts raised while the bot is being built (live trading announced, reconciliation differences), kept until the
 * link is started and then sent first, in order; later alerts go straight through.
 */
final class DeferredAlerts implements Alerts {

    private record Pending(String text, String symbol, ObjectNode data) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private Alerts target;

    @Override
    public synchronized void alert(String text, String symbol, ObjectNode data) {
        if (target == null) {
            pending.add(new Pending(text, symbol, data));
        } else {
            target.alert(text, symbol, data);
        }
    }

    /** Sends what was kept to {@code link}, and from now on everything. */
    synchronized void release(Alerts link) {
        pending.forEach(p -> link.alert(p.text(), p.symbol(), p.data()));
        pending.clear();
        target = link;
    }
}
