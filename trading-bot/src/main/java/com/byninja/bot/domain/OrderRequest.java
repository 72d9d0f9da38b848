package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as sent to an exchange: a market order, a limit order, or a stop-loss that rests on the exchange.
 *
 * @param clientOrderId the bot's id for the order, unique for ever; the exchange's idempotency key
 * @param symbol        the market
 * @param side          buy or sell
 * @param quoteAmount   for a buy: how much quote currency to spend, fees excluded (a limit buy buys what this pays
 *                      for at its limit price, rounded down to the market's step); null for a sell
 * @param quantity      for a sell: how much base currency to sell; null for a buy
 * @param type          market, limit, or stop-loss limit
 * @param limitPrice    the worst price a limit or stop-loss limit order executes at; null for a market order
 * @param stopPrice     the price at which a stop-loss limit order is triggered (the last trade at or below it); null
 *                      for other types
 * @param postOnly      a limit order that must rest on the book (maker only): the exchange refuses it rather than
 *                      let it execute at once
 */
public record OrderRequest(String clientOrderId, Symbol symbol, Side side, BigDecimal quoteAmount,
                           BigDecimal quantity, Type type, BigDecimal limitPrice, BigDecimal stopPrice,
                           boolean postOnly) {

    /** Order direction. Spot only: a sell closes (part of) a long position. */
    public enum Side { BUY, SELL }

    /** How the order executes. */
    public enum Type {
        /** At once, at the best prices on the book; never rests. */
        MARKET,
        /** At its limit price or better; what does not execute at once rests on the book until filled or cancelled. */
        LIMIT,
        /**
         * A sell that rests on the exchange, invisible to the book, until the last price falls to its stop price; then
         * a limit sell at its limit price (Binance's {@code STOP_LOSS_LIMIT}).
         */
        STOP_LOSS_LIMIT;

        /** @return whether an order of this type may rest on the exchange after it is placed */
        public boolean rests() {
            return this != MARKET;
        }
    }

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (side == Side.BUY && (quoteAmount == null || quoteAmount.signum() <= 0)) {
            throw new IllegalArgumentException("a buy needs a positive quote amount");
        }
        if (side == Side.SELL && (quantity == null || quantity.signum() <= 0)) {
            throw new IllegalArgumentException("a sell needs a positive quantity");
        }
        if (type == Type.MARKET && (limitPrice != null || stopPrice != null || postOnly)) {
            throw new IllegalArgumentException("a market order has no limit or stop price and is never post-only");
        }
        if (type != Type.MARKET && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException("a " + type + " order needs a positive limit price");
        }
        if (type == Type.STOP_LOSS_LIMIT && (side != Side.SELL || stopPrice == null || stopPrice.signum() <= 0
                || postOnly)) {
            throw new IllegalArgumentException("a stop-loss limit order is a sell with a positive stop price");
        }
        if (type == Type.LIMIT && stopPrice != null) {
            throw new IllegalArgumentException("a limit order has no stop price");
        }
    }

    /** A market order. */
    public OrderRequest(String clientOrderId, Symbol symbol, Side side, BigDecimal quoteAmount, BigDecimal quantity) {
        this(clientOrderId, symbol, side, quoteAmount, quantity, Type.MARKET, null, null, false);
    }

    /** @return a buy spending {@code quoteAmount} of the quote currency. */
    public static OrderRequest buy(String clientOrderId, Symbol symbol, BigDecimal quoteAmount) {
        return new OrderRequest(clientOrderId, symbol, Side.BUY, quoteAmount, null);
    }

    /** @return a sell of {@code quantity} of the base currency. */
    public static OrderRequest sell(String clientOrderId, Symbol symbol, BigDecimal quantity) {
        return new OrderRequest(clientOrderId, symbol, Side.SELL, null, quantity);
    }

    /** @return a limit buy spending at most {@code quoteAmount} at {@code price} or better. */
    public static OrderRequest limitBuy(String clientOrderId, Symbol symbol, BigDecimal quoteAmount, BigDecimal price,
                                        boolean postOnly) {
        return new OrderRequest(clientOrderId, symbol, Side.BUY, quoteAmount, null, Type.LIMIT, price, null, postOnly);
    }

    /** @return a limit sell of {@code quantity} at {@code price} or better. */
    public static OrderRequest limitSell(String clientOrderId, Symbol symbol, BigDecimal quantity, BigDecimal price,
                                         boolean postOnly) {
        return new OrderRequest(clientOrderId, symbol, Side.SELL, null, quantity, Type.LIMIT, price, null, postOnly);
    }

    /**
     * @return a stop-loss sell of {@code quantity}, triggered when the price falls to {@code stopPrice}, then selling
     *         at {@code limitPrice} or better
     */
    public static OrderRequest stopLoss(String clientOrderId, Symbol symbol, BigDecimal quantity, BigDecimal stopPrice,
                                        BigDecimal limitPrice) {
        return new OrderRequest(clientOrderId, symbol, Side.SELL, null, quantity, Type.STOP_LOSS_LIMIT, limitPrice,
                stopPrice, false);
    }
}
