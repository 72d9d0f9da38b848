package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed OHLCV candle.
 *
 * @param symbol the market
 * @param start  when the candle's period began (inclusive)
 * @param period the timeframe, such as one minute
 * @param open   first price of the period
 * @param high   highest price
 * @param low    lowest price
 * @param close  last price of the period
 * @param volume traded base quantity, zero where the source has none
 */
public record Candle(Symbol symbol, Instant start, Duration period, BigDecimal open, BigDecimal high,
                     BigDecimal low, BigDecimal close, BigDecimal volume) {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }

    /** @return when the period ended (exclusive). */
    public Instant end() {
        return start.plus(period);
    }
}
