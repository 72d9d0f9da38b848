package com.byninja.bot.exchange;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * Starts following the exchange's own candles of {@code timeframe} for {@code symbol}, which
     * {@link #closedCandlesSince} then gives. Answers at once, without the network, so that a market monitor can say
     * where its candles come from as soon as it is made; an exchange that makes its candles as time passes (the
     * simulator) starts recording them here.
     *
     * <p>The exchange's candles are what strategies should see: real volume, true highs and lows. Where there are
     * none, the market monitor builds candles from polled prices, without volume and with highs and lows only as
     * sampled.
     *
     * @param symbol    a market
     * @param timeframe the candle length
     * @return what the candles are, in a few words for status, such as {@code binance klines}; empty when the exchange
     *         has no candles of this length
     */
    default Optional<String> followCandles(Symbol symbol, Duration timeframe) {
        return Optional.empty();
    }

    /**
     * The exchange's candles of {@code timeframe} that began at or after {@code since} and are final, oldest first. A
     * candle is final once the exchange will not change it any more: Binance, for one, may still add trades to a
     * candle for a second or two after its period ended, so such a candle is left out until it settles.
     *
     * @param symbol    a market
     * @param timeframe the candle length, as given to {@link #followCandles}
     * @param since     the start of the earliest candle wanted
     * @return the final candles, possibly none yet; empty when the exchange turns out to have no candles of this
     *         length after all (the monitor then builds them from prices)
     * @throws ExchangeException when the exchange cannot be asked
     */
    default Optional<List<Candle>> closedCandlesSince(Symbol symbol, Duration timeframe, Instant since)
            throws ExchangeException {
        return Optional.empty();
    }
}
