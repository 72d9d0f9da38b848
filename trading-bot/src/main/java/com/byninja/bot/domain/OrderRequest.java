package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A market order as sent to an exchange.
 *
 * @param clientOrderId the bot's id for the order, unique for ever; the exchange's idempotency key
 * @param symbol        the market
 * @param side          buy or sell
 * @param quoteAmount   for a buy: how much quote currency to spend, fees excluded; null for a sell
 * @param quantity      for a sell: how much base currency to sell; null for a buy
 */
public record OrderRequest(String clientOrderId, Symbol symbol, Side side, BigDecimal quoteAmount,
                           BigDecimal quantity) {

    /** Order direction. Spot only: a sell closes (part of) a long position. */
    public enum Side { BUY, SELL }

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (side == Side.BUY && (quoteAmount == null || quoteAmount.signum() <= 0)) {
            throw new IllegalArgumentException("a buy needs a positive quote amount");
        }
        if (side == Side.SELL && (quantity == null || quantity.signum() <= 0)) {
            throw new IllegalArgumentException("a sell needs a positive quantity");
        }
    }

    /** @return a buy spending {@code quoteAmount} of the quote currency. */
    public static OrderRequest buy(String clientOrderId, Symbol symbol, BigDecimal quoteAmount) {
        return new OrderRequest(clientOrderId, symbol, Side.BUY, quoteAmount, null);
    }

    /** @return a sell of {@code quantity} of the base currency. */
    public static OrderRequest sell(String clientOrderId, Symbol symbol, BigDecimal quantity) {
        return new OrderRequest(clientOrderId, symbol, Side.SELL, null, quantity);
    }
}
