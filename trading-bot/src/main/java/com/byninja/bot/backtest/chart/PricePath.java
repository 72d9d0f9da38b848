package com.byninja.bot.backtest.chart;

import com.byninja.bot.domain.Candle;
import java.time.Instant;
import java.util.List;

/**
 * What {@link Charts#price} draws of a market's candles, gathered as they go by: the closes and ranges thinned to at
 * most {@link ChartStyle#MAX_POINTS} points, the first start, the last end and the count. A backtest feeds it while
 * it replays, so that drawing a year of one-minute candles needs no second pass over them. Not thread-safe.
 */
public final class PricePath {

    private final MinMaxDownsampler closes;
    private String quote;
    private Instant first;
    private Instant previous = Instant.MIN;
    private long lastEndMs;
    private int count;

    /** @param count how many candles will be added */
    public PricePath(int count) {
        this.closes = new MinMaxDownsampler(count, ChartStyle.MAX_POINTS);
    }

    /** @return the path of {@code candles} */
    public static PricePath of(List<Candle> candles) {
        PricePath path = new PricePath(candles.size());
        candles.forEach(path::add);
        return path;
    }

    /**
     * Adds the next candle.
     *
     * @throws IllegalArgumentException if it starts before the last one added
     */
    public void add(Candle candle) {
        Instant start = candle.start();
        if (start.isBefore(previous)) {
            throw new IllegalArgumentException("candles out of time order: " + start + " after " + previous);
        }
        previous = start;
        if (first == null) {
            first = start;
            quote = candle.symbol().quote();
        }
        // The close is the price at the candle's end, which is where a fill during the candle sits beside it.
        // (Not candle.end(): an Instant per candle is 12 MB of garbage over a year of minutes.)
        lastEndMs = start.toEpochMilli() + candle.period().toMillis();
        closes.add(lastEndMs, candle.close().doubleValue(), candle.low().doubleValue(), candle.high().doubleValue());
        count++;
    }

    MinMaxDownsampler.Points points() {
        return closes.points();
    }

    /** @return the quote currency of the candles, or null when none was added */
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
