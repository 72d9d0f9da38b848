package com.byninja.bot.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code risk.minimalRoi}: the profit a position must show to be sold, by its age, as Freqtrade's {@code minimal_roi}
 * table. Each entry reads "from this many minutes after the position opened, sell once the profit is at least this
 * many percent"; the entry with the largest age not above the position's applies, and before the first entry none
 * does. The required profit never rises with age (checked when the configuration is read). No entry turns the exit
 * off. Immutable; a lookup allocates nothing.
 */
public final class MinimalRoi {

    private static final long MS_PER_MINUTE = 60_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MinimalRoi OFF = new MinimalRoi(new TreeMap<>());

    private final SortedMap<Long, BigDecimal> entries;
    /** The entries' ages in milliseconds, ascending. */
    private final long[] fromMs;
    private final BigDecimal[] pct;
    /** Per entry, 1 plus its percentage as a fraction: what the cost basis is multiplied by to make the target. */
    private final BigDecimal[] factor;

    private MinimalRoi(SortedMap<Long, BigDecimal> entries) {
        this.entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        this.fromMs = new long[entries.size()];
        this.pct = new BigDecimal[entries.size()];
        this.factor = new BigDecimal[entries.size()];
        int i = 0;
        for (Map.Entry<Long, BigDecimal> e : this.entries.entrySet()) {
            fromMs[i] = e.getKey() * MS_PER_MINUTE;
            pct[i] = e.getValue();
            factor[i] = BigDecimal.ONE.add(e.getValue().divide(HUNDRED, MathContext.DECIMAL128));
            i++;
        }
    }

    /** @return the table without entries: no position is sold for its age. */
    public static MinimalRoi off() {
        return OFF;
    }

    /**
     * @param percentByMinute the required profit in percent, by the age in whole minutes from which it applies
     * @return the table
     * @throws IllegalArgumentException for a negative age or a profit that rises with age
     */
    public static MinimalRoi of(Map<Long, BigDecimal> percentByMinute) {
        TreeMap<Long, BigDecimal> sorted = new TreeMap<>(percentByMinute);
        BigDecimal before = null;
        for (Map.Entry<Long, BigDecimal> e : sorted.entrySet()) {
            if (e.getKey() < 0) {
                throw new IllegalArgumentException("an age of " + e.getKey() + " minutes");
            }
            if (before != null && e.getValue().compareTo(before) > 0) {
                throw new IllegalArgumentException("the required profit rises at " + e.getKey() + " minutes");
            }
            before = e.getValue();
        }
        return sorted.isEmpty() ? OFF : new MinimalRoi(sorted);
    }

    /** @return whether the table has no entry. */
    public boolean isOff() {
        return fromMs.length == 0;
    }

    /** @return the entries: the required profit in percent by the age in minutes from which it applies. */
    public SortedMap<Long, BigDecimal> entries() {
        return entries;
    }

    /** @return the index of the entry that applies at {@code ageMs}, or -1 before the first. */
    private int at(long ageMs) {
        for (int i = fromMs.length - 1; i >= 0; i--) {
            if (ageMs >= fromMs[i]) {
                return i;
            }
        }
        return -1;
    }

    /** @return the profit in percent a position of {@code ageMs} must show, or null when no entry applies yet. */
    public BigDecimal requiredPct(long ageMs) {
        int i = at(ageMs);
        return i < 0 ? null : pct[i];
    }

    /**
     * @return 1 plus the required profit as a fraction at {@code ageMs} ({@code 1.02} for 2 %), or null when no entry
     *         applies yet
     */
    public BigDecimal factor(long ageMs) {
        int i = at(ageMs);
        return i < 0 ? null : factor[i];
    }

    /** @return milliseconds from {@code ageMs} until the next entry applies, or -1 when none follows. */
    public long untilNextMs(long ageMs) {
        int next = at(ageMs) + 1;
        return next < fromMs.length ? fromMs[next] - ageMs : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinimalRoi other && Arrays.equals(fromMs, other.fromMs)
                && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** @return {@code {0: 4, 30: 2, 120: 0}}, as written in the configuration; {@code {}} when off. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        entries.forEach((minutes, p) -> b.append(b.length() > 1 ? ", " : "").append(minutes).append(": ")
                .append(p.stripTrailingZeros().toPlainString()));
        return b.append('}').toString();
    }
}
