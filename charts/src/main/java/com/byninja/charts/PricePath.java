package com.byninja.charts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What {@link Charts#price} draws of a market's candles, gathered as they go by: the closes and ranges thinned to at
 * most {@link ChartStyle#MAX_POINTS} points, the first start, the last end and the count. A backtest feeds it while
 * it replays, so that drawing a year of one-minute candles needs no second pass over them. Not thread-safe.
 */
public final class PricePath {

    private final MinMaxDownsampler closes;
    private final String quote;
    private Instant first;
    private Instant previous = Instant.MIN;
    private long lastEndMs;
    private int count;

    /**
     * @param count how many candles will be added
     * @param quote the currency of their prices, for the axis, such as {@code USDT}; null for none
     */
    public PricePath(int count, String quote) {
        this.closes = new MinMaxDownsampler(count, ChartStyle.MAX_POINTS);
        this.quote = quote;
    }

    /** @return the path of {@code bars}, priced in {@code quote} */
    public static PricePath of(List<Bar> bars, String quote) {
        PricePath path = new PricePath(bars.size(), quote);
        for (Bar b : bars) {
            path.add(b.start(), b.period().toMillis(), b.close(), b.low(), b.high());
        }
        return path;
    }

    /**
     * Adds the next candle.
     *
     * @param start    when it began
     * @param periodMs how long it lasted
     * @throws IllegalArgumentException if it starts before the last one added
     */
    public void add(Instant start, long periodMs, BigDecimal close, BigDecimal low, BigDecimal high) {
        if (start.isBefore(previous)) {
            throw new IllegalArgumentException("candles out of time order: " + start + " after " + previous);
        }
        previous = start;
        if (first == null) {
            first = start;
        }
        // The close is the price at the candle's end, which is where a fill during the candle sits beside it.
        // (Not an end Instant: one per candle is 12 MB of garbage over a year of minutes.)
        lastEndMs = start.toEpochMilli() + periodMs;
        closes.add(lastEndMs, close.doubleValue(), low.doubleValue(), high.doubleValue());
        count++;
    }

    MinMaxDownsampler.Points points() {
        return closes.points();
    }

    /** @return the quote currency of the candles, or null when not known */
    String quote() {
        return quote;
    }

    /** @return the first candle's start, or null when none was added */
    Instant first() {
        return first;
    }

    /** @return the last candle's end, or null when none was added */
    Instant lastEnd() {
        return first == null ? null : Instant.ofEpochMilli(lastEndMs);
    }

    /** @return candles added */
    int count() {
        return count;
    }
}
