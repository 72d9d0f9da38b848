package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fees executed orders paid, added up per currency, for statistics: a fee in the coin bought counts in the quote
 * currency, at the fill's average price; a fee in any other currency (the quote, a third one such as BNB) counts as it
 * is. The journals sum with it, so that every journal reports the same totals. Not thread-safe.
 */
public final class FeesPaid {

    private final Map<String, BigDecimal> total = new LinkedHashMap<>();

    /**
     * Adds one executed order's fees.
     *
     * @param symbol         its market; its quote currency is in the totals from now on, zero if nothing else
     * @param fees           its fees
     * @param filledQuantity base quantity executed, not zero when a fee was taken in the base currency
     * @param quoteFilled    quote amount executed
     */
    public void add(Symbol symbol, List<Fee> fees, BigDecimal filledQuantity, BigDecimal quoteFilled) {
        total.putIfAbsent(symbol.quote(), BigDecimal.ZERO);
        for (Fee f : fees) {
            if (f.currency().equals(symbol.base())) {
                total.merge(symbol.quote(), f.amount().multiply(quoteFilled).divide(filledQuantity,
                        Position.VALUE_PRECISION), BigDecimal::add);
            } else {
                total.merge(f.currency(), f.amount(), BigDecimal::add);
            }
        }
    }

    /** @return a new map: per currency, in the order the currencies first came, the total without trailing zeros. */
    public Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>(total);
        totals.replaceAll((currency, amount) -> amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros());
        return totals;
    }
}
