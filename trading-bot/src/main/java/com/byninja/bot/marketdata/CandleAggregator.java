package com.byninja.bot.marketdata;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds candles from successive prices, on a grid aligned to the epoch (a 5 s candle starts at :00, :05, ...).
 * A candle closes when the first price of a later period arrives. Used by one thread only.
 */
public final class CandleAggregator {

    private final Symbol symbol;
    private final Duration timeframe;
    private final long frameMs;
    private Instant start;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;

    public CandleAggregator(Symbol symbol, Duration timeframe) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.frameMs = timeframe.toMillis();
    }

    /**
     * @param price a price
     * @param time  when it was seen
     * @return the candle this price closed, if it began a new period
     */
    public Optional<Candle> onPrice(BigDecimal price, Instant time) {
        Instant periodStart = Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), frameMs) * frameMs);
        Optional<Candle> closed = Optional.empty();
        if (start != null && periodStart.isAfter(start)) {
            closed = Optional.of(new Candle(symbol, start, timeframe, open, high, low, close, BigDecimal.ZERO));
            start = null;
        }
        if (start == null) {
            start = periodStart;
            open = price;
            high = price;
            low = price;
        } else if (periodStart.isBefore(start)) {
            return closed;
        }
        high = high.max(price);
        low = low.min(price);
        close = price;
        return closed;
    }
}
