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
