package com.byninja.telegram.telegram;

/**
 * A token bucket: up to {@code burst} sends at once, refilled at one send per {@code intervalNanos}. Not thread-safe;
 * each chat sender owns one.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final int burst;
    private double tokens;
    private long lastRefillNanos;

    RateLimiter(long intervalNanos, int burst, long nowNanos) {
        this.intervalNanos = intervalNanos;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /** @return nanoseconds to wait before the next send may go, 0 when it may go now */
    long delayNanos(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1.0 || intervalNanos == 0) {
            return 0;
        }
        return (long) Math.ceil((1.0 - tokens) * intervalNanos);
    }

    /** Takes one token; call after {@link #delayNanos} returned 0. */
    void acquire(long nowNanos) {
        refill(nowNanos);
        tokens = Math.max(0.0, tokens - 1.0);
    }

    /** Empties the bucket, as after a 429: nothing goes out in a burst right after Telegram said to slow down. */
    void drain(long nowNanos) {
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
