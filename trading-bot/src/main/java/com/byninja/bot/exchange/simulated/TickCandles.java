package com.byninja.bot.exchange.simulated;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Candles of one timeframe made from every step of a random walk, so they are exact where polled candles only
 * sample: the open is the price in force when the period began, the close the last one before it ended, the high and
 * low over every step between. Only periods seen from their beginning become candles: the one in progress when
 * recording started is partial, and so is the one in progress when the walk skipped ahead after a long pause. Volume
 * is zero, the simulator has no trades. Not thread-safe: used under the walk's lock.
 */
final class TickCandles {

    /** Closed candles kept for the market monitor to collect; it asks every period, so a few would do. */
    private static final int KEPT = 200;

    private final Symbol symbol;
    private final Duration timeframe;
    private final long frameMs;
    private final Deque<Candle> closed = new ArrayDeque<>();
    private long start = Long.MIN_VALUE;
    private boolean whole;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;

    TickCandles(Symbol symbol, Duration timeframe) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.frameMs = timeframe.toMillis();
    }

    /** The walk's price is {@code price} from {@code epochMs} on. */
    void onPrice(long epochMs, BigDecimal price) {
        closeUntil(epochMs);
        if (start == Long.MIN_VALUE) {
            start = Math.floorDiv(epochMs, frameMs) * frameMs;
            whole = epochMs == start;
            open = price;
            high = price;
            low = price;
        } else if (epochMs == start) {
            open = price;
            high = price;
            low = price;
        } else {
            high = high.max(price);
            low = low.min(price);
        }
        close = price;
    }

    /**
     * Closes every period that ended by {@code epochMs}: the price in force is known up to then. A period without a
     * step of its own is flat at the price in force.
     */
    void closeUntil(long epochMs) {
        if (start == Long.MIN_VALUE) {
            return;
        }
        long lastStart = Math.floorDiv(epochMs, frameMs) * frameMs;
        if (lastStart - start > KEPT * frameMs) {
            // Too long to fill with flat candles one by one: the ones that would fall out anyway are skipped.
            closed.clear();
            start = lastStart - KEPT * frameMs;
            whole = true;
            open = close;
            high = close;
            low = close;
        }
        while (start + frameMs <= epochMs) {
            if (whole) {
                closed.addLast(new Candle(symbol, Instant.ofEpochMilli(start), timeframe, open, high, low, close,
                        BigDecimal.ZERO));
                if (closed.size() > KEPT) {
                    closed.removeFirst();
                }
            }
            start += frameMs;
            whole = true;
            open = close;
            high = close;
            low = close;
        }
    }

    /** The walk skipped ahead without stepping: the period in progress misses steps. */
    void gap() {
        start = Long.MIN_VALUE;
    }

    /** @return the closed candles that began at or after {@code since}, oldest first. */
    List<Candle> since(Instant since) {
        return closed.stream().filter(c -> !c.start().isBefore(since)).toList();
    }
}
