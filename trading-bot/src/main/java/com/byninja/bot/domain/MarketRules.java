package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What an exchange accepts for one market, from its metadata (Binance: the {@code LOT_SIZE}, {@code PRICE_FILTER}
 * and {@code NOTIONAL} or {@code MIN_NOTIONAL} filters). Zero means "no limit".
 *
 * @param symbol       the market
 * @param minQuantity  smallest base quantity of an order
 * @param maxQuantity  largest base quantity of an order, zero when unlimited
 * @param quantityStep base quantities are multiples of this, zero when free
 * @param priceTick    prices are multiples of this, zero when free
 * @param minNotional  smallest quote value of an order
 */
public record MarketRules(Symbol symbol, BigDecimal minQuantity, BigDecimal maxQuantity, BigDecimal quantityStep,
                          BigDecimal priceTick, BigDecimal minNotional) {

    private static final int FREE_QUANTITY_SCALE = 18;

    public MarketRules {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(maxQuantity, "maxQuantity");
        Objects.requireNonNull(quantityStep, "quantityStep");
        Objects.requireNonNull(priceTick, "priceTick");
        Objects.requireNonNull(minNotional, "minNotional");
    }

    /** @return rules that accept everything, for exchanges without metadata. */
    public static MarketRules none(Symbol symbol) {
        return new MarketRules(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** @return {@code quantity} rounded down to the quantity step. */
    public BigDecimal roundQuantity(BigDecimal quantity) {
        if (quantityStep.signum() <= 0) {
            return quantity;
        }
        BigDecimal steps = quantity.divide(quantityStep, 0, RoundingMode.DOWN);
        return steps.multiply(quantityStep).setScale(Math.max(0, quantityStep.stripTrailingZeros().scale()),
                RoundingMode.DOWN);
    }

    /**
     * @param price a price, positive
     * @param mode  which way to round an off-tick price: {@link RoundingMode#DOWN} or {@link RoundingMode#UP}
     * @return {@code price} on the price tick, at the tick's scale; unchanged when the tick is free
     */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return priceTick.signum() <= 0 ? price : onTick(price, priceTick, mode);
    }

    /**
     * @param tick a positive price tick
     * @return {@code price} as a whole number of ticks, rounded the given way, at the tick's scale (exact:
     *         {@code 1.0005} on a {@code 0.01} tick is {@code 1.01} rounded up and {@code 1.00} rounded down)
     */
    public static BigDecimal onTick(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        BigDecimal ticks = price.divide(tick, 0, mode);
        return ticks.multiply(tick).setScale(Math.max(0, tick.stripTrailingZeros().scale()),
                RoundingMode.UNNECESSARY);
    }

    /**
     * @param quoteAmount what a limit buy may spend
     * @param price       its limit price, already on the tick
     * @return the base quantity {@code quoteAmount} pays for at {@code price}, rounded down to the quantity step (to
     *         18 decimals when the step is free), so that the order never costs more than the amount
     */
    public BigDecimal quantityFor(BigDecimal quoteAmount, BigDecimal price) {
        if (quantityStep.signum() <= 0) {
            return quoteAmount.divide(price, FREE_QUANTITY_SCALE, RoundingMode.DOWN).stripTrailingZeros();
        }
        BigDecimal steps = quoteAmount.divide(price.multiply(quantityStep), 0, RoundingMode.DOWN);
        return steps.multiply(quantityStep).setScale(Math.max(0, quantityStep.stripTrailingZeros().scale()),
                RoundingMode.DOWN);
    }

    /** @return why a buy spending {@code quoteAmount} is below the exchange's minimum, or empty when it is not. */
    public Optional<String> checkBuy(BigDecimal quoteAmount) {
        if (minNotional.signum() > 0 && quoteAmount.compareTo(minNotional) < 0) {
            return Optional.of("order value " + plain(quoteAmount) + " " + symbol.quote()
                    + " is below the exchange minimum of " + plain(minNotional) + " " + symbol.quote()
                    + " for " + symbol);
        }
        return Optional.empty();
    }

    /**
     * @param quantity the base quantity to sell, already rounded to the step
     * @param price    the last price, to value it
     * @return why the exchange would refuse the sell, or empty when it accepts it
     */
    public Optional<String> checkSell(BigDecimal quantity, BigDecimal price) {
        return checkQuantity(quantity, price);
    }

    /**
     * @param quantity the base quantity of an order of either side, already rounded to the step
     * @param price    the price that values it: the last price for a market sell, a limit order's own price
     * @return why the exchange would refuse an order of this size, or empty when it accepts it
     */
    public Optional<String> checkQuantity(BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() <= 0 || minQuantity.signum() > 0 && quantity.compareTo(minQuantity) < 0) {
            return Optional.of("quantity " + plain(quantity) + " " + symbol.base()
                    + " is below the exchange minimum of " + plain(minQuantity) + " " + symbol.base()
                    + " (step " + plain(quantityStep) + ") for " + symbol);
        }
        if (maxQuantity.signum() > 0 && quantity.compareTo(maxQuantity) > 0) {
            return Optional.of("quantity " + plain(quantity) + " " + symbol.base() + " is above the exchange maximum of "
                    + plain(maxQuantity) + " " + symbol.base() + " for " + symbol);
        }
        if (price != null && minNotional.signum() > 0 && quantity.multiply(price).compareTo(minNotional) < 0) {
            return Optional.of("order value " + plain(quantity.multiply(price)) + " " + symbol.quote()
                    + " is below the exchange minimum of " + plain(minNotional) + " " + symbol.quote()
                    + " for " + symbol);
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
