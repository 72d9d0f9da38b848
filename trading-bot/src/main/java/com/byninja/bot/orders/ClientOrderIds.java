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

    public ClientOrderIds(Clock clock) {
        this.clock = clock;
        this.instance = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36, 36L * 36 * 36 * 36), 36);
    }

    /** @return a new id, never returned before. */
    public String next() {
        return "bn-" + Long.toString(clock.millis(), 36) + "-" + instance + "-"
                + Long.toString(sequence.incrementAndGet(), 36);
    }
}
