package com.byninja.charts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One candle to draw: its period and prices.
 *
 * @param start  when it began
 * @param period how long it lasted
 * @param open   the first price
 * @param high   the highest
 * @param low    the lowest
 * @param close  the last
 */
public record Bar(Instant start, Duration period, BigDecimal open, BigDecimal high, BigDecimal low,
                  BigDecimal close) {

    public Bar {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
    }

    /** @return when it ended */
    public Instant end() {
        return start.plus(period);
    }
}
