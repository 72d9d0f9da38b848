package com.byninja.bot.link;

import com.byninja.bot.domain.Symbol;

/** Runs {@code /backtest} for the chat, off the trading thread: the backtest package's {@code ChatBacktests}. */
public interface BacktestRequests {

    /** What the asker is told at once: whether it started, and in words. */
    record Started(boolean started, String text) {
    }

    /**
     * @param symbol the symbol to replay, or null for every configured one
     * @param days   the days to replay, or null for the default
     * @return what the asker is told now; the result follows as an alert
     */
    Started start(Symbol symbol, Integer days);
}
