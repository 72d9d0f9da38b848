package com.byninja.bot.strategy;

/** What a strategy says on a closed candle. */
public enum Signal {
    /** Enter: open a long position. */
    BUY,
    /** Exit: close the long position. */
    SELL,
    /** Nothing to do. */
    HOLD
}
