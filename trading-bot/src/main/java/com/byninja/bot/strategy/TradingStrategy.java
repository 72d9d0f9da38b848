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
