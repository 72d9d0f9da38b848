package com.byninja.strategy.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * What a {@link SymbolStrategy} sees on a closed candle.
 *
 * @param symbol     the market, such as {@code BTC/USDT}
 * @param series     the symbol's closed candles, the newest last: the bot's own series, the one
 *                   {@link StrategyPlugin#create} was given. Treat it as read-only: adding or changing a bar changes
 *                   what the bot and every indicator on it see. It keeps at most {@code marketData.maxBars} candles,
 *                   so its begin index moves once it is full; index from {@link BarSeries#getBeginIndex()} or back
 *                   from {@link #index()}.
 * @param time       the instant of the decision: the candle's close in a backtest, a moment after it live
 * @param position   the symbol's open position, empty when there is none (an entry whose order is still waiting for
 *                   the exchange is no position yet)
 * @param parameters the configured parameters
 */
public record StrategyContext(String symbol, BarSeries series, Instant time, Optional<OpenPosition> position,
                              Parameters parameters) {

    public StrategyContext {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** @return the index of the candle that just closed: the series' end index */
    public int index() {
        return series.getEndIndex();
    }

    /** @return the candle that just closed */
    public Bar bar() {
        return series.getLastBar();
    }
}
