package com.byninja.bot.domain;

import java.util.Locale;

/**
 * What an alert is about. Its {@link #code()} travels as {@code data.event}, so the telegram-server and anything
 * reading alerts as data can tell them apart without parsing the text.
 */
public enum AlertKind {
    /** The bot started. */
    BOT_STARTED,
    /** The bot stopped. */
    BOT_STOPPED,
    /** Live trading: orders are real. */
    LIVE_TRADING,
    /** Start-up reconciliation found differences between the database and the exchange. */
    RECONCILIATION,
    /** Calls to the exchange (prices or orders) fail again and again. */
    EXCHANGE_ERRORS,
    /** The exchange failed so many calls in a row that buying pauses. */
    EXCHANGE_FAILING,
    /** The exchange answers again. */
    EXCHANGE_RECOVERED,
    /** A buy filled and opened a position. */
    POSITION_OPENED,
    /** A buy filled and added to a position. */
    POSITION_INCREASED,
    /** A sell filled and closed a position. */
    POSITION_CLOSED,
    /** A sell filled and left part of a position. */
    POSITION_REDUCED,
    /** A sell filled where the bot held no position. */
    SELL_WITHOUT_POSITION,
    /** The stop-loss triggered. */
    STOP_LOSS_HIT,
    /** The take-profit triggered. */
    TAKE_PROFIT_HIT,
    /** The trailing stop triggered. */
    TRAILING_STOP_HIT,
    /** The minimal ROI for the position's age was reached. */
    MINIMAL_ROI_HIT,
    /** The exchange refused a protective exit; it is tried again. */
    EXIT_REFUSED,
    /** A protective exit went through after refusals. */
    EXIT_RECOVERED,
    /** Today's realised loss reached the daily limit. */
    DAILY_LOSS_LIMIT,
    /** A protection locked the strategy's entries, on a symbol or on all of them. */
    ENTRY_LOCKED,
    /** A protection's lock ended: the strategy may buy again. */
    ENTRY_UNLOCKED,
    /** A risk rule refused a buy the owner should know about. */
    RISK_LIMIT,
    /** The exchange rejected an order. */
    ORDER_REJECTED,
    /** An order never reached the exchange. */
    ORDER_NOT_PLACED,
    /** An order's outcome stayed unknown. */
    ORDER_UNKNOWN,
    /** A fill could not be written to the database. */
    STORE_ERROR,
    /** A fill that could not be written is written now. */
    STORE_RECOVERED,
    /** A position from an earlier run is on a symbol no longer configured. */
    UNCONFIGURED_POSITION,
    /** Trading was started by command. */
    TRADING_STARTED,
    /** Trading was stopped by command. */
    TRADING_STOPPED,
    /**
     * The stop-loss of a position could not be placed on the exchange (or was cancelled there by someone else and
     * could not be placed again): the bot watches the price itself and tries again. Said once per episode.
     */
    STOP_NOT_PLACED,
    /** A stop-loss on the exchange was cancelled by someone other than the bot; the bot placed it again. */
    STOP_CANCELLED,
    /** The stop-loss rests on the exchange again after it could not be placed. */
    STOP_PLACED,
    /** A backtest asked for from the chat finished (or failed): its figures, and its equity curve to draw. */
    BACKTEST_FINISHED,
    /** Every sell of a {@code /panic} filled or failed: what it closed, its PnL, what it could not sell. */
    PANIC_DONE;

    /** @return the code in {@code data.event}, such as {@code position_opened}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
