package com.byninja.bot.marketdata;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import java.math.BigDecimal;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * One symbol's closed candles as a bounded ta4j series (oldest bars dropped beyond the maximum), with decimal numbers of
 * {@link #PRECISION} significant digits. Owned by the trading thread.
 */
public final class CandleSeries {

    private final Symbol symbol;
    private final BarSeries series;

    /**
     * @param symbol  the market
     * @param maxBars bars kept at most
     */
    public CandleSeries(Symbol symbol, int maxBars) {
        this.symbol = symbol;
        this.series = new BaseBarSeriesBuilder().withName(symbol.toString()).withNumTypeOf(CandleSeries::num)
                .withMaxBarCount(maxBars).build();
    }

    /**
     * Appends a candle unless it is not newer than the last one (history and live candles may overlap).
     *
     * @return whether it was appended
     */
    public boolean add(Candle candle) {
        if (!candle.symbol().equals(symbol)) {
            throw new IllegalArgumentException(candle.symbol() + " candle for the " + symbol + " series");
        }
        if (!series.isEmpty()
                && !candle.end().isAfter(series.getLastBar().getEndTime().toInstant())) {
            return false;
        }
        series.addBar(candle.period(), utc(candle.end()), num(candle.open()), num(candle.high()),
                num(candle.low()), num(candle.close()), num(candle.volume()));
        return true;
    }

    /** Appends candles, oldest first; returns how many were new. */
    public int addAll(List<Candle> candles) {
        int added = 0;
        for (Candle c : candles) {
            if (add(c)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Significant digits of every indicator value. Prices and sums of prices are exact at this precision (a sum of
     * 500 prices of eight digits has eleven), so two averages that are equal are equal here too, and a cross is never
     * made of rounding noise; divisions round at the sixteenth digit, as precise as a double, and always the same way.
     * ta4j's default of 32 digits costs several times as much and changes no decision.
     */
    public static final int PRECISION = 16;

    /** @return {@code n} as a ta4j decimal of {@link #PRECISION} digits, without going through text where it can */
    public static Num num(Number n) {
        if (n instanceof BigDecimal d) {
            return DecimalNum.valueOf(d, PRECISION);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return DecimalNum.valueOf(BigDecimal.valueOf(n.longValue()), PRECISION);
        }
        return DecimalNum.valueOf(n.toString(), PRECISION);
    }

    /** @return {@code t} in UTC, as ta4j's bars take it; without the zone rules {@code atZone} builds on each call */
    private static ZonedDateTime utc(Instant t) {
        return ZonedDateTime.of(LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    /** @return the ta4j series, for building strategies. */
    public BarSeries series() {
        return series;
    }

    /** @return bars held. */
    public int size() {
        return series.getBarCount();
    }
}
