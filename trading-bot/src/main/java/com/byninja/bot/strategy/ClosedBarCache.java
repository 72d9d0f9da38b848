package com.byninja.bot.strategy;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;

/**
 * An indicator's values remembered once computed, the newest bar's included.
 *
 * <p>ta4j's {@code CachedIndicator} never keeps the value of a series' last bar, because a live bar may still change.
 * The bot's series hold closed candles only and never change a bar once added, so that value is final too. Without
 * this, every rule reading the last bar computes it again: an SMA three times a candle, and a running total that is
 * read twice at one index drops from its one-step update to summing its whole window again. A rule reading the bar
 * before the last (a cross) finds it here too. Values are kept for the last {@value #SIZE} bars; older ones are asked of
 * the indicator itself.
 *
 * @param <T> the value type
 */
public final class ClosedBarCache<T> implements Indicator<T> {

    /** Bars remembered: more than any rule looks back in one evaluation. */
    static final int SIZE = 64;

    private final Indicator<T> indicator;
    private final int[] indices = new int[SIZE];
    private final Object[] values = new Object[SIZE];

    private ClosedBarCache(Indicator<T> indicator) {
        this.indicator = indicator;
        java.util.Arrays.fill(indices, Integer.MIN_VALUE);
    }

    /**
     * @param indicator an indicator over a series of closed bars that never change once added
     * @return {@code indicator}, its values remembered
     */
    public static <T> Indicator<T> of(Indicator<T> indicator) {
        return indicator instanceof ClosedBarCache<T> ? indicator : new ClosedBarCache<>(indicator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getValue(int index) {
        int slot = index & (SIZE - 1);
        if (indices[slot] == index) {
            return (T) values[slot];
        }
        T value = indicator.getValue(index);
        indices[slot] = index;
        values[slot] = value;
        return value;
    }

    @Override
    public int getUnstableBars() {
        return indicator.getUnstableBars();
    }

    @Override
    public BarSeries getBarSeries() {
        return indicator.getBarSeries();
    }

    @Override
    public String toString() {
        return indicator.toString();
    }
}
