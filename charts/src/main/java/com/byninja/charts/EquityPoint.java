package com.byninja.charts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's worth at one instant of a run, in the quote currency: cash plus open positions at the market price.
 *
 * @param time   when
 * @param equity the worth then
 */
public record EquityPoint(Instant time, BigDecimal equity) {

    public EquityPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
    }
}
