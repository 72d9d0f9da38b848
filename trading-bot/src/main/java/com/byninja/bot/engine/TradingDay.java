package com.byninja.bot.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * Today's realised PnL (UTC days), which the daily loss limit reads, and whether that limit has been announced
 * today. Owned by the trading thread.
 */
final class TradingDay {

    private final Clock clock;
    /** Days since the epoch, UTC: a number, compared at every step without making a date. */
    private long day;
    private BigDecimal realised;
    private boolean limitAnnounced;

    /**
     * @param clock         the bot's time
     * @param realisedSoFar PnL of the trades closed since today's midnight UTC, from the store
     * @param limitReached  whether that already reaches the limit (announced before a restart, not again)
     */
    TradingDay(Clock clock, BigDecimal realisedSoFar, boolean limitReached) {
        this.clock = clock;
        this.day = epochDay(clock);
        this.realised = realisedSoFar;
        this.limitAnnounced = limitReached;
    }

    /** @return the start of the current UTC day, for a clock. */
    static Instant startOfToday(Clock clock) {
        return Instant.ofEpochMilli(epochDay(clock) * DAY_MS);
    }

    private static final long DAY_MS = 86_400_000L;

    private static long epochDay(Clock clock) {
        // From the epoch itself: going through a time zone builds its rules anew on every call.
        return Math.floorDiv(clock.millis(), DAY_MS);
    }

    /** Starts a new day at midnight UTC: nothing realised, nothing announced. */
    void rollOver() {
        long now = epochDay(clock);
        if (now != day) {
            day = now;
            realised = BigDecimal.ZERO;
            limitAnnounced = false;
        }
    }

    /** Adds a closed trade's PnL. */
    void add(BigDecimal pnl) {
        realised = realised.add(pnl);
    }

    /** @return PnL realised today. */
    BigDecimal realised() {
        return realised;
    }

    /** @return when today began. */
    Instant start() {
        return Instant.ofEpochMilli(day * DAY_MS);
    }

    /** @return whether the limit has been announced today. */
    boolean limitAnnounced() {
        return limitAnnounced;
    }

    /** @return true the first time it is called on a day the limit is reached, so that it is announced once. */
    boolean announceLimit() {
        if (limitAnnounced) {
            return false;
        }
        limitAnnounced = true;
        return true;
    }
}
