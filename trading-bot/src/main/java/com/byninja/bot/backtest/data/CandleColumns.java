package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Candles of one symbol and period kept column by column in primitive arrays, about 53 bytes a candle instead of the
 * 300 or so of {@link Candle} objects, so that five years of one-minute candles fit in a small heap. {@link #list()}
 * shows them as candles, made when read. Filled by one thread, then only read.
 */
final class CandleColumns {

    /** 8192 candles a chunk: each array under 512 KB, so no G1 region holds only one (humongous) array. */
    private static final int CHUNK_BITS = 13;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int FIELDS = 5;
    /** The scale of a value too big for a long: the value is in {@link #big}. */
    private static final byte BIG = Byte.MIN_VALUE;

    private final Symbol symbol;
    private final Duration period;
    private final List<long[]> times = new ArrayList<>();
    private final List<long[]> unscaled = new ArrayList<>();
    private final List<byte[]> scales = new ArrayList<>();
    private final Map<Long, BigDecimal> big = new HashMap<>();
    private int size;

    CandleColumns(Symbol symbol, Duration period) {
        this.symbol = symbol;
        this.period = period;
    }

    /** Appends a candle starting at {@code startMs} (epoch milliseconds). */
    void add(long startMs, MutableDecimal open, MutableDecimal high, MutableDecimal low, MutableDecimal close,
             MutableDecimal volume) {
        int offset = size & MASK;
        if (offset == 0) {
            times.add(new long[CHUNK]);
            unscaled.add(new long[CHUNK * FIELDS]);
            scales.add(new byte[CHUNK * FIELDS]);
        }
        int chunk = size >>> CHUNK_BITS;
        times.get(chunk)[offset] = startMs;
        long[] values = unscaled.get(chunk);
        byte[] scale = scales.get(chunk);
        int at = offset * FIELDS;
        put(values, scale, at, open);
        put(values, scale, at + 1, high);
        put(values, scale, at + 2, low);
        put(values, scale, at + 3, close);
        put(values, scale, at + 4, volume);
        size++;
    }

    private void put(long[] values, byte[] scale, int at, MutableDecimal d) {
        if (d.isCompact() && d.scale() > BIG && d.scale() <= Byte.MAX_VALUE) {
            values[at] = d.unscaled();
            scale[at] = (byte) d.scale();
        } else {
            scale[at] = BIG;
            big.put(((long) size) * FIELDS + at % FIELDS, d.toBigDecimal());
        }
    }

    /** Gives the last chunk's unused room back; call once filled. */
    void trim() {
        int used = size & MASK;
        if (used != 0) {
            int last = times.size() - 1;
            times.set(last, Arrays.copyOf(times.get(last), used));
            unscaled.set(last, Arrays.copyOf(unscaled.get(last), used * FIELDS));
            scales.set(last, Arrays.copyOf(scales.get(last), used * FIELDS));
        }
    }

    int size() {
        return size;
    }

    long startMs(int index) {
        return times.get(index >>> CHUNK_BITS)[index & MASK];
    }

    private BigDecimal value(int index, int field) {
        int at = (index & MASK) * FIELDS + field;
        int chunk = index >>> CHUNK_BITS;
        byte scale = scales.get(chunk)[at];
        return scale == BIG ? big.get(((long) index) * FIELDS + field)
                : BigDecimal.valueOf(unscaled.get(chunk)[at], scale);
    }

    /** @return the candles, oldest first, as an unmodifiable list that makes each candle when it is read */
    List<Candle> list() {
        return new Candles();
    }

    private final class Candles extends AbstractList<Candle> implements RandomAccess {

        private final int count = size;

        @Override
        public Candle get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("candle " + index + " of " + count);
            }
            return new Candle(symbol, Instant.ofEpochMilli(startMs(index)), period, value(index, 0), value(index, 1),
                    value(index, 2), value(index, 3), value(index, 4));
        }

        @Override
        public int size() {
            return count;
        }
    }
}
