package com.byninja.bot.marketdata;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.time.ZoneOffset;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * One symbol's closed candles as a bounded ta4j series (oldest bars dropped beyond the maximum), with exact decimal
 * numbers. Owned by the trading thread.
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
        this.series = new BaseBarSeriesBuilder().withName(symbol.toString()).withNumTypeOf(DoubleNum.class)
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
                && !candle.end().atZone(ZoneOffset.UTC).isAfter(series.getLastBar().getEndTime())) {
            return false;
        }
        series.addBar(candle.period(), candle.end().atZone(ZoneOffset.UTC), series.numOf(candle.open()),
                series.numOf(candle.high()), series.numOf(candle.low()), series.numOf(candle.close()),
                series.numOf(candle.volume()));
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

    /** @return the ta4j series, for building strategies. */
    public BarSeries series() {
        return series;
    }

    /** @return bars held. */
    public int size() {
        return series.getBarCount();
    }
}
