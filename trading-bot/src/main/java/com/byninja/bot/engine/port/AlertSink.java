package com.byninja.bot.engine.port;

import com.byninja.bot.domain.OutboxAlert;
import java.util.List;

/**
 * Where the trader's alerts go. An alert raised by an event the store records (a fill, an order's end) is written to
 * the store's outbox in the same transaction as the event, then handed over here with {@link #deliver}; an alert that
 * records nothing else ({@link #raise}) is written to the outbox by the sink itself. Either way it survives a crash
 * and is delivered after any restart. Implementations never block.
 */
public interface AlertSink extends Alerts {

    /** Sends alerts that were committed to the outbox with the event that raised them. */
    void deliver(List<OutboxAlert> committed);

    /**
     * @return whether anybody reads the alerts' words and facts. A backtest's sink only counts them: the alerts of
     *         its fills are then written with their kind and id alone, and the text and data a chat would show,
     *         tens of thousands of them in a year of one-minute candles, are not made.
     */
    default boolean read() {
        return true;
    }
}
