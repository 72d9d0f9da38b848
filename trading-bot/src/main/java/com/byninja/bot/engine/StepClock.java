package com.byninja.bot.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The trading thread's time. While {@link Trader#step} runs, every reading is the step's {@code now}, so that one
 * step's decisions share one instant and history can drive them; between steps (restoring at start, a test calling
 * the trader directly) it reads the source clock.
 */
public final class StepClock extends Clock {

    private final Clock source;
    private volatile Instant frozen;

    /** @param source the clock read between steps: the system clock, or a replay's simulated one */
    public StepClock(Clock source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** @return {@code clock} itself when it is a step clock already, else a step clock over it. */
    public static StepClock over(Clock clock) {
        return clock instanceof StepClock step ? step : new StepClock(clock);
    }

    void freeze(Instant now) {
        frozen = Objects.requireNonNull(now, "now");
    }

    void thaw() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant now = frozen;
        return now != null ? now : source.instant();
    }

    @Override
    public ZoneId getZone() {
        return source.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : Clock.fixed(instant(), zone);
    }
}
