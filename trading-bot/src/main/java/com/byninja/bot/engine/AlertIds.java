package com.byninja.bot.engine;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert ids: {@code a-<time base36>-<random>-<sequence>}, unique across restarts, so that the telegram-server can drop
 * the second copy of an alert sent again after a reconnection or a restart.
 */
public final class AlertIds {

    private final Clock clock;
    private final String instance;
    private final AtomicLong sequence = new AtomicLong();

    public AlertIds(Clock clock) {
        this.clock = clock;
        this.instance = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36,
                36L * 36 * 36 * 36 * 36), 36);
    }

    /** @return a new id, never returned before. */
    public String next() {
        return "a-" + Long.toString(clock.millis(), 36) + "-" + instance + "-"
                + Long.toString(sequence.incrementAndGet(), 36);
    }
}
