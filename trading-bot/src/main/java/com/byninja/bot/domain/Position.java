package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.math.MathContext;
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

    /** Precision of values derived by division, such as the average entry price: nothing that matters is lost. */
    public static final MathContext VALUE_PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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

    /**
     * @param quantity the base quantity received
     * @param cost     the quote amount paid for it, fees excluded, exactly as the exchange reported it
     * @param fee      the fee, in the quote currency
     * @return a position opened by one buy; its high-water mark starts at the entry price
     */
    public static Position open(Symbol symbol, BigDecimal quantity, BigDecimal cost, BigDecimal fee, Instant at) {
        return new Position(symbol, quantity, cost, fee, at, cost.divide(quantity, VALUE_PRECISION));
    }

    /** @return the average entry price, fees excluded, at {@link #VALUE_PRECISION}. */
    public BigDecimal averageEntryPrice() {
        return entryCost.divide(quantity, VALUE_PRECISION).stripTrailingZeros();
    }

    /** @return the quote amount the position cost, fees included. */
    public BigDecimal costBasis() {
        return entryCost.add(entryFees);
    }

    /**
     * @param lastPrice the last price
     * @param exitFeePct the fee a market sell would pay, in percent of its value
     * @return what closing at {@code lastPrice} would earn: market value, less the exit fee, less the cost basis
     */
    public BigDecimal unrealisedPnl(BigDecimal lastPrice, BigDecimal exitFeePct) {
        BigDecimal value = lastPrice.multiply(quantity);
        BigDecimal exitFee = value.multiply(exitFeePct).divide(HUNDRED);
        return value.subtract(exitFee).subtract(costBasis());
    }

    /** @return this position after buying {@code more} for {@code cost}, paying {@code fee}. */
    public Position add(BigDecimal more, BigDecimal cost, BigDecimal fee) {
        return new Position(symbol, quantity.add(more), entryCost.add(cost), entryFees.add(fee), openedAt,
                highestPrice.max(cost.divide(more, VALUE_PRECISION)));
    }

    /**
     * Coins the exchange took as a fee were paid for but never held: the position is smaller, and what they cost
     * moves from the entry cost to the fees, so the cost basis (and the PnL of the trade) stays what was really paid.
     *
     * @param lost  the base quantity taken
     * @param value what it cost, in the quote currency
     * @return this position without those coins
     */
    public Position withCoinsTakenAsFee(BigDecimal lost, BigDecimal value) {
        return new Position(symbol, quantity.subtract(lost), entryCost.subtract(value), entryFees.add(value),
                openedAt, highestPrice);
    }

    /** @return what {@code part} of this position cost at its average entry cost, fees excluded. */
    public BigDecimal costOf(BigDecimal part) {
        return entryCost.multiply(part).divide(quantity, VALUE_PRECISION);
    }

    /** @return this position with {@code price} taken into its high-water mark. */
    public Position withPrice(BigDecimal price) {
        return price.compareTo(highestPrice) > 0
                ? new Position(symbol, quantity, entryCost, entryFees, openedAt, price) : this;
    }
}
