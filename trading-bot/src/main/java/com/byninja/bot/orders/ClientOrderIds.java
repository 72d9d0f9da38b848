package com.byninja.bot.orders;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client order ids: {@code bn-<time base36>-<random>-<sequence>}, unique across restarts and short enough for every
 * exchange's limit (Binance allows 36 characters of {@code [A-Za-z0-9-_]}).
 */
public final class ClientOrderIds {

    private final Clock clock;
    private final String instance;
    private final AtomicLong sequence = new AtomicLong();

    /** Ids with a random instance part, so that two runs of the bot never share one. */
    public ClientOrderIds(Clock clock) {
        this(clock, Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36, 36L * 36 * 36 * 36), 36));
    }

    /**
     * Ids with a fixed instance part, for a replay that must give the same ids every time it runs.
     *
     * @param instance a few characters of {@code [a-z0-9]}
     */
    public ClientOrderIds(Clock clock, String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    /** @return a new id, never returned before. */
    public String next() {
        return "bn-" + Long.toString(clock.millis(), 36) + "-" + instance + "-"
                + Long.toString(sequence.incrementAndGet(), 36);
    }
}
