package com.byninja.bot.exchange;

import java.time.Duration;
import java.util.List;

/**
 * Prices of the markets the bot trades. Calls may block on the network, so only the market monitor threads call
 * them, never the trading thread.
 */
public interface MarketData {

    /** @return the exchange's name as used in file names and status, such as {@code simulated} or {@code binance}. */
    String exchangeName();

    /**
     * @param symbol a market
     * @return its last price
     * @throws ExchangeException when the price cannot be fetched
     */
    Ticker ticker(Symbol symbol) throws ExchangeException;

    /**
     * Closed candles before now, oldest first, so that strategies can decide from the first live candle on.
     *
     * @param symbol    a market
     * @param timeframe the candle length
     * @param count     how many candles at most
     * @return up to {@code count} candles; empty when the exchange offers no history
     * @throws ExchangeException when the history cannot be fetched
     */
    List<Candle> history(Symbol symbol, Duration timeframe, int count) throws ExchangeException;
}
