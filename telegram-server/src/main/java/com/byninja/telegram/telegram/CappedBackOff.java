package com.byninja.telegram.telegram;

import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Polling backoff: doubles from 500 ms up to a cap, with jitter. TelegramBots' default grows to 15 minutes after a
 * long outage, which would leave the chat deaf long after Telegram is back.
 */
public final class CappedBackOff implements BackOff {
    private static final long INITIAL_MS = 500;

    private final long maxMs;
    private long currentMs = INITIAL_MS;

    public CappedBackOff(long maxMs) {
        this.maxMs = Math.max(INITIAL_MS, maxMs);
    }

    @Override
    public synchronized void reset() {
        currentMs = INITIAL_MS;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long base = currentMs;
        currentMs = Math.min(maxMs, currentMs * 2);
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Math.min(maxMs, base - base / 8 + jitter);
    }
}
