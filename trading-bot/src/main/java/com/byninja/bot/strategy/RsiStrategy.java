package com.byninja.bot.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Strategy;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/** Buys while the relative strength index of closes is below the oversold level; sells while it is above overbought. */
public final class RsiStrategy implements TradingStrategy {

    /** The name in configuration. */
    public static final String NAME = "rsi";

    private final int period;
    private final BigDecimal oversold;
    private final BigDecimal overbought;

    /**
     * @param period     bars of the RSI
     * @param oversold   buy below this level (0 to 100)
     * @param overbought sell above this level, more than {@code oversold}
     */
    public RsiStrategy(int period, BigDecimal oversold, BigDecimal overbought) {
        if (period < 2 || oversold.compareTo(overbought) >= 0) {
            throw new IllegalArgumentException("need period >= 2 and oversold < overbought");
        }
        this.period = period;
        this.oversold = oversold;
        this.overbought = overbought;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RSI " + period + " below " + oversold.toPlainString() + " / above " + overbought.toPlainString();
    }

    @Override
    public String explain(BarSeries series) {
        String warming = TradingStrategy.warmingUp(series, period);
        if (warming != null) {
            return warming;
        }
        Num rsi = new RSIIndicator(new ClosePriceIndicator(series), period).getValue(series.getEndIndex());
        return "RSI " + period + " is " + new BigDecimal(rsi.toString()).setScale(1, RoundingMode.HALF_EVEN)
                .toPlainString() + ": buys below " + oversold.toPlainString() + ", sells above "
                + overbought.toPlainString();
    }

    @Override
    public Strategy build(BarSeries series) {
        Indicator<Num> rsi = ClosedBarCache.of(new RSIIndicator(new ClosePriceIndicator(series), period));
        return new BaseStrategy(NAME, new UnderIndicatorRule(rsi, series.numOf(oversold)),
                new OverIndicatorRule(rsi, series.numOf(overbought)), period);
    }
}
