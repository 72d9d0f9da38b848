package com.byninja.bot.domain;

import java.util.Locale;

/** The three switches of the design, each global and per symbol. */
public enum Flag {
    /** Automatic decisions at all: strategy entries and exits, stop-loss, take-profit, trailing stop. */
    TRADING,
    /** Opening or adding to positions. */
    BUY,
    /** Closing positions. */
    SELL;

    /** @return the name users see. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
