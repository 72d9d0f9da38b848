package com.byninja.bot.exchange;

import java.util.Arrays;

/**
 * How long one kind of exchange call took, measured around each call on the thread that makes it ({@link
 * TimedExchange}): the last {@value #RECENT} calls' times, their median and maximum, and the failures. Calls come from
 * several threads (each symbol's market monitor and order executor), so it is thread-safe; recording one is a few
 * writes under a lock.
 */
public final class CallTimes {

    /** How many of the last calls the median and the maximum are taken over. */
    public static final int RECENT = 100;

    /**
     * What the recent calls took.
     *
     * @param calls        calls since the start
     * @param failed       of those, the ones that failed (an error, no answer)
     * @param recent       calls the figures below are taken over: the last {@value #RECENT} at most
     * @param recentFailed of those, the ones that failed
     * @param p50Nanos     their median duration, 0 without calls
     * @param maxNanos     their longest, 0 without calls
     */
    public record Summary(long calls, long failed, int recent, int recentFailed, long p50Nanos, long maxNanos) {
    }

    private final long[] nanos = new long[RECENT];
    private final boolean[] failures = new boolean[RECENT];
    private int next;
    private long calls;
    private long failed;

    /** Records one call that took {@code tookNanos} and succeeded or not. */
    public synchronized void record(long tookNanos, boolean ok) {
        nanos[next] = Math.max(0, tookNanos);
        failures[next] = !ok;
        next = (next + 1) % RECENT;
        calls++;
        if (!ok) {
            failed++;
        }
    }

    /** @return the figures now */
    public synchronized Summary summary() {
        int recent = (int) Math.min(calls, RECENT);
        if (recent == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, recent);
        Arrays.sort(sorted);
        int recentFailed = 0;
        for (int i = 0; i < recent; i++) {
            recentFailed += failures[i] ? 1 : 0;
        }
        // The lower median of an even count: a value some call really took.
        return new Summary(calls, failed, recent, recentFailed, sorted[(recent - 1) / 2], sorted[recent - 1]);
    }
}
