package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The last traded price of a market.
 *
 * @param symbol the market
 * @param price  the last price, in the quote currency
 * @param time   when the exchange saw that price
 */
public record Ticker(Symbol symbol, BigDecimal price, Instant time) {

    public Ticker {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(time, "time");
    }
}
