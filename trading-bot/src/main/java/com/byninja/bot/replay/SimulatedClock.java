package com.byninja.bot.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A replay's time: it stands still until the replay moves it to the next event. Safe to read from any thread. */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    /** @param start the instant it shows until it is moved */
    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the time to {@code instant}; history does not go back, so neither does this. */
    public void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("time goes forward only: " + instant + " is before " + now);
        }
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(now, zone);
    }
}
