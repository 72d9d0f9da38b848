package com.byninja.telegram.telegram;

import com.byninja.runtime.Backoff;
import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Polling backoff, the runtime's {@link Backoff} as TelegramBots asks for one: doubles from 500 ms up to a cap, with
 * jitter. TelegramBots' default grows to 15 minutes after a long outage, which would leave the chat deaf long after
 * Telegram is back.
 */
public final class CappedBackOff implements BackOff {
    private static final long INITIAL_MS = 500;

    private final Backoff backoff;

    public CappedBackOff(long maxMs) {
        this.backoff = Backoff.jittered(INITIAL_MS, Math.max(INITIAL_MS, maxMs), CappedBackOff::jitter);
    }

    /** @return a random point between 7/8 and 9/8 of {@code delayMs}, so that retries spread out */
    private static long jitter(long delayMs) {
        return delayMs - delayMs / 8 + ThreadLocalRandom.current().nextLong(delayMs / 4 + 1);
    }

    @Override
    public synchronized void reset() {
        backoff.reset();
    }

    @Override
    public synchronized long nextBackOffMillis() {
        return backoff.next();
    }
}
