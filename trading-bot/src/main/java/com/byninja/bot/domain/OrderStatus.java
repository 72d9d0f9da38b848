package com.byninja.bot.domain;

import java.util.Locale;

/** The life of an order: {@code NEW} until the exchange answers, then one final state. */
public enum OrderStatus {
    /** Recorded with its client order id; sent, or about to be. */
    NEW,
    /** Executed in full. */
    FILLED,
    /** Executed in part; the exchange cancelled the rest (market orders do not rest on the book). */
    PARTIALLY_FILLED,
    /** Withdrawn before anything executed, such as an order the exchange never received before a crash. */
    CANCELLED,
    /** Refused by the exchange, or by the bot before sending. */
    REJECTED;

    /** @return whether the order is done and will not change again. */
    public boolean isFinal() {
        return this != NEW;
    }

    /** @return the name users see, such as {@code partially_filled}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
