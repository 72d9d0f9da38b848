package com.byninja.bot.domain;

import java.util.Locale;

/**
 * The life of an order: {@code NEW} until the exchange answers, then one final state; an order that rests on the
 * exchange (a limit order, a stop-loss) is {@code OPEN} in between.
 */
public enum OrderStatus {
    /** Recorded with its client order id; sent, or about to be. */
    NEW,
    /** Accepted by the exchange and resting there: a limit order on the book, or a stop waiting for its trigger. */
    OPEN,
    /** Executed in full. */
    FILLED,
    /** Executed in part; the rest was cancelled (by the exchange for a market order, by a cancel for a resting one). */
    PARTIALLY_FILLED,
    /**
     * Withdrawn before anything executed: an order the exchange never received before a crash, or a resting order
     * cancelled or expired.
     */
    CANCELLED,
    /** Refused by the exchange, or by the bot before sending. */
    REJECTED;

    /** @return whether the order is done and will not change again. */
    public boolean isFinal() {
        return this != NEW && this != OPEN;
    }

    /** @return the name users see, such as {@code partially_filled}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
