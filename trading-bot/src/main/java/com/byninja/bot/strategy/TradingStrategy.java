package com.byninja.bot.strategy;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Strategy;

/**
 * A strategy, evaluated on each closed candle. Implementations compose ta4j indicators and rules; they hold no state
 * of their own, so one instance serves every symbol.
 */
public interface TradingStrategy {

    /** @return the configured name, such as {@code sma-cross}. */
    String name();

    /** @return the parameters in words, for logs and status, such as {@code SMA 9 / 21}. */
    String description();

    /**
     * @param series one symbol's candles; the returned strategy reads it as it grows
     * @return the ta4j strategy for that series
     */
    Strategy build(BarSeries series);

    /**
     * @param series one symbol's candles
     * @return what the strategy reads on the last candle and what would make it act, for a person watching the log,
     *         such as {@code SMA 9 60010.2 is below SMA 21 60030.5: buys when it crosses above}; while too few
     *         candles are held, how many it has and needs
     */
    String explain(BarSeries series);

    /** @return {@code "warming up: 5 of 21 candles"} while {@code series} holds fewer than {@code needed}, else null */
    static String warmingUp(BarSeries series, int needed) {
        int held = series.getBarCount();
        return held > needed ? null : "warming up: " + held + " of " + (needed + 1) + " candles";
    }

    /** @return an indicator value for people: 10 significant digits at most, no trailing zeros. */
    static String value(org.ta4j.core.num.Num n) {
        return new java.math.BigDecimal(n.toString()).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * @param strategy a strategy built by {@link #build} on {@code series}
     * @param series   its series
     * @return the signal on the series' last bar; {@link Signal#HOLD} while the indicators are still unstable
     */
    static Signal signalAt(Strategy strategy, BarSeries series) {
        int index = series.getEndIndex();
        if (index < 0 || index - series.getBeginIndex() < strategy.getUnstableBars()) {
            return Signal.HOLD;
        }
        boolean enter = strategy.shouldEnter(index);
        boolean exit = strategy.shouldExit(index);
        if (enter == exit) {
            return Signal.HOLD;
        }
        return enter ? Signal.BUY : Signal.SELL;
    }
}
