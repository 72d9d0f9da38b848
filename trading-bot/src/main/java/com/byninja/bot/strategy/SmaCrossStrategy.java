package com.byninja.bot.strategy;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/** Buys when the fast simple moving average of closes crosses above the slow one; sells when it crosses below. */
public final class SmaCrossStrategy implements TradingStrategy {

    /** The name in configuration. */
    public static final String NAME = "sma-cross";

    private final int fastPeriod;
    private final int slowPeriod;

    /**
     * @param fastPeriod bars of the fast average
     * @param slowPeriod bars of the slow average, more than {@code fastPeriod}
     */
    public SmaCrossStrategy(int fastPeriod, int slowPeriod) {
        if (fastPeriod < 1 || slowPeriod <= fastPeriod) {
            throw new IllegalArgumentException("need 1 <= fast < slow, got " + fastPeriod + " / " + slowPeriod);
        }
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SMA " + fastPeriod + " crossing SMA " + slowPeriod;
    }

    @Override
    public String explain(BarSeries series) {
        String warming = TradingStrategy.warmingUp(series, slowPeriod);
        if (warming != null) {
            return warming;
        }
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        int last = series.getEndIndex();
        Num fast = new SMAIndicator(close, fastPeriod).getValue(last);
        Num slow = new SMAIndicator(close, slowPeriod).getValue(last);
        boolean above = fast.isGreaterThan(slow);
        return "SMA " + fastPeriod + " " + TradingStrategy.value(fast) + " is " + (above ? "above" : "below") + " SMA "
                + slowPeriod + " " + TradingStrategy.value(slow) + ": " + (above ? "sells when it crosses below"
                : "buys when it crosses above");
    }

    @Override
    public Strategy build(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Indicator<Num> fast = ClosedBarCache.of(new SMAIndicator(close, fastPeriod));
        Indicator<Num> slow = ClosedBarCache.of(new SMAIndicator(close, slowPeriod));
        // A cross needs the bar before the first full slow average too, hence slowPeriod unstable bars.
        return new BaseStrategy(NAME, new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow),
                slowPeriod);
    }
}
