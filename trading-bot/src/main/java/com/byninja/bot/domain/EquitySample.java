package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The bot's equity at one instant, as {@code /equity} draws it: the free quote balance and the open positions at their
 * last price (at their entry cost before any price).
 *
 * @param at     when
 * @param equity the equity, in the quote currency
 */
public record EquitySample(Instant at, BigDecimal equity) {

    public EquitySample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(equity, "equity");
    }
}
