package com.byninja.runtime;

/**
 * One token bucket for every paced sender in both daemons: up to {@code burst} sends at once, refilled at one send per
 * {@code intervalNanos}. A value with no clock inside: the caller passes the time, so tests drive it by hand. Not
 * thread-safe: each paced role owns its own (a chat sender, a download).
 *
 * <pre>{@code
 * RateLimiter pace = new RateLimiter(200_000_000L, 1, System.nanoTime());   // one send per 200 ms
 * long wait;
 * while ((wait = pace.delayNanos(System.nanoTime())) > 0) {
 *     TimeUnit.NANOSECONDS.sleep(wait);
 * }
 * pace.acquire(System.nanoTime());
 * }</pre>
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final int burst;
    private double tokens;
    private long lastRefillNanos;

    /**
     * @param intervalNanos the time one token takes to come back; 0 for no limit
     * @param burst         how many sends may go at once, and how many tokens the bucket starts with
     * @param nowNanos      the time now, as the caller reads it
     */
    public RateLimiter(long intervalNanos, int burst, long nowNanos) {
        this.intervalNanos = intervalNanos;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /** @return nanoseconds to wait before the next send may go, 0 when it may go now */
    public long delayNanos(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1.0 || intervalNanos == 0) {
            return 0;
        }
        return (long) Math.ceil((1.0 - tokens) * intervalNanos);
    }

    /** Takes one token; call after {@link #delayNanos} returned 0. */
    public void acquire(long nowNanos) {
        refill(nowNanos);
        tokens = Math.max(0.0, tokens - 1.0);
    }

    /** Empties the bucket, as after a 429: nothing goes out in a burst right after being told to slow down. */
    public void drain(long nowNanos) {
        refill(nowNanos);
        tokens = 0.0;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = intervalNanos == 0 ? burst : Math.min(burst, tokens + (double) elapsed / intervalNanos);
            lastRefillNanos = nowNanos;
        }
    }
}
