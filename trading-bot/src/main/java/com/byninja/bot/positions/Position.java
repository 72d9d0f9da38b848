package com.byninja.bot.positions;

import com.byninja.bot.exchange.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * An open long position. The cost is kept exactly (the sum of quantity times price of each buy), so that PnL is
 * exact; the average entry price is derived from it.
 *
 * @param symbol       the market
 * @param quantity     base quantity held
 * @param entryCost    quote paid for it, fees excluded
 * @param entryFees    fees paid buying it, in the quote currency
 * @param openedAt     when the first buy filled
 * @param highestPrice highest price seen since entry, for the trailing stop
 */
public record Position(Symbol symbol, BigDecimal quantity, BigDecimal entryCost, BigDecimal entryFees,
                       Instant openedAt, BigDecimal highestPrice) {

    /** Decimals of derived prices such as the average entry price. */
    public static final int PRICE_SCALE = 8;

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryCost, "entryCost");
        Objects.requireNonNull(entryFees, "entryFees");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(highestPrice, "highestPrice");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a position needs a positive quantity, got " + quantity);
        }
    }

    /** @return a position opened by buying {@code quantity} at {@code price}, paying {@code fee}. */
    public static Position open(Symbol symbol, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at) {
        return new Position(symbol, quantity, quantity.multiply(price), fee, at, price);
    }

    /** @return the average entry price, fees excluded, to {@value #PRICE_SCALE} decimals. */
    public BigDecimal averageEntryPrice() {
        return entryCost.divide(quantity, PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** @return the quote amount the position cost, fees included. */
    public BigDecimal costBasis() {
        return entryCost.add(entryFees);
    }

    /**
     * @param lastPrice the last price
     * @return market value minus cost basis: what closing at {@code lastPrice} would earn before the exit fee
     */
    public BigDecimal unrealisedPnl(BigDecimal lastPrice) {
        return lastPrice.multiply(quantity).subtract(costBasis());
    }

    /** @return this position after buying {@code more} at {@code price}, paying {@code fee}. */
    public Position add(BigDecimal more, BigDecimal price, BigDecimal fee) {
        return new Position(symbol, quantity.add(more), entryCost.add(more.multiply(price)), entryFees.add(fee),
                openedAt, highestPrice.max(price));
    }

    /** @return this position with {@code price} taken into its high-water mark. */
    public Position withPrice(BigDecimal price) {
        return price.compareTo(highestPrice) > 0
                ? new Position(symbol, quantity, entryCost, entryFees, openedAt, price) : this;
    }
}
