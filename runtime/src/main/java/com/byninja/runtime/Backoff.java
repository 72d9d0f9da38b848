package com.byninja.runtime;

import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * One capped exponential backoff for every retry in both daemons: the first delay, doubled after each failure up to a
 * cap, optionally jittered, back to the first on success. A value with no clock inside, so that history can drive the
 * code that uses it as well as wall time. Not thread-safe: each retrying role owns its own.
 *
 * <pre>{@code
 * Backoff b = Backoff.of(1_000, 30_000);   // 1 s, 2 s, 4 s ... 30 s, 30 s
 * long wait = b.next();                     // after a failure
 * b.reset();                                // after a success
 * }</pre>
 */
public final class Backoff {

    private final long firstMs;
    private final long maxMs;
    private final LongUnaryOperator jitter;
    private long nextMs;
    private int failures;

    private Backoff(long firstMs, long maxMs, LongUnaryOperator jitter) {
        if (firstMs <= 0 || maxMs < firstMs) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got first " + firstMs + " ms, max "
                    + maxMs + " ms");
        }
        this.firstMs = firstMs;
        this.maxMs = maxMs;
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.nextMs = firstMs;
    }

    /** @return a backoff without jitter: {@code firstMs}, doubling, at most {@code maxMs}. */
    public static Backoff of(long firstMs, long maxMs) {
        return new Backoff(firstMs, maxMs, LongUnaryOperator.identity());
    }

    /**
     * @param jitter maps each delay to the one used (for example a random point between 7/8 and 9/8 of it); the result
     *               is kept between 0 and {@code maxMs}
     * @return a jittered backoff, so that many clients retrying together spread out
     */
    public static Backoff jittered(long firstMs, long maxMs, LongUnaryOperator jitter) {
        return new Backoff(firstMs, maxMs, jitter);
    }

    /** @return the delay to wait after one more failure, and grows the next one. */
    public long next() {
        long base = nextMs;
        failures++;
        nextMs = Math.min(maxMs, nextMs * 2);
        return Math.max(0, Math.min(maxMs, jitter.applyAsLong(base)));
    }

    /** After a success: the next failure waits the first delay again. */
    public void reset() {
        nextMs = firstMs;
        failures = 0;
    }

    /** @return failures since the last {@link #reset()}. */
    public int failures() {
        return failures;
    }

    /** @return the first delay. */
    public long firstMs() {
        return firstMs;
    }

    /** @return the longest delay. */
    public long maxMs() {
        return maxMs;
    }
}
