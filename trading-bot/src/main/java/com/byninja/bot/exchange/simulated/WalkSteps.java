package com.byninja.bot.exchange.simulated;

import com.byninja.bot.exchange.paper.PricePath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Consecutive steps of a random walk, as the market shows them (rounded to its decimals), each at its tick: what the
 * paper wallet's resting orders are matched against. Prices are kept as whole units of the last decimal, so finding
 * the first step that crosses a level compares longs, not decimals. Not thread-safe: filled under the walk's lock,
 * read once it is handed over.
 */
final class WalkSteps implements PricePath {

    private final long tickMs;
    private final int decimals;
    private long[] ticks = new long[16];
    private long[] units = new long[16];
    private int size;

    WalkSteps(long tickMs, int decimals) {
        this.tickMs = tickMs;
        this.decimals = decimals;
    }

    /** The walk's price is {@code price} from {@code tick} on. */
    void add(long tick, BigDecimal price) {
        if (size == ticks.length) {
            ticks = Arrays.copyOf(ticks, size * 2);
            units = Arrays.copyOf(units, size * 2);
        }
        ticks[size] = tick;
        units[size] = price.setScale(decimals, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        size++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public BigDecimal price(int i) {
        Objects.checkIndex(i, size);
        return BigDecimal.valueOf(units[i], decimals);
    }

    @Override
    public Instant time(int i) {
        Objects.checkIndex(i, size);
        return Instant.ofEpochMilli(ticks[i] * tickMs);
    }

    @Override
    public int firstAtOrBelow(BigDecimal level, int from) {
        long at = units(level, RoundingMode.FLOOR);
        for (int i = Math.max(0, from); i < size; i++) {
            if (units[i] <= at) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int firstBelow(BigDecimal level, int from) {
        long under = units(level, RoundingMode.CEILING);
        for (int i = Math.max(0, from); i < size; i++) {
            if (units[i] < under) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int firstAbove(BigDecimal level, int from) {
        long over = units(level, RoundingMode.FLOOR);
        for (int i = Math.max(0, from); i < size; i++) {
            if (units[i] > over) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A level between two prices of the market's decimals compares as the one on the right side of it: a price is at
     * or below 1.005 when at or below 1.00, below it when below 1.01, above it when above 1.00.
     */
    private long units(BigDecimal level, RoundingMode rounding) {
        BigDecimal whole = level.movePointRight(decimals).setScale(0, rounding);
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        return whole.signum() < 0 ? -1 : whole.longValueExact();
    }
}
