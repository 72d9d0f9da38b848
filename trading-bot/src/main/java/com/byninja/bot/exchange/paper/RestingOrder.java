package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order resting in the paper wallet: a limit order waiting for the price to cross it, or a stop waiting for its
 * trigger (or, triggered, for the price to come back above its limit).
 *
 * @param request         the order as placed
 * @param exchangeOrderId the wallet's id for it
 * @param quantity        the base quantity it trades: a sell's, or what a limit buy's amount pays for at its limit
 * @param locked          what it holds back from the free balance: a sell's coins, or a buy's cost at its limit plus
 *                        the fee on it, in the quote currency
 * @param triggered       for a stop: the price has reached its stop price, it now rests as a limit sell
 * @param placedAt        when the wallet accepted it
 */
public record RestingOrder(OrderRequest request, String exchangeOrderId, BigDecimal quantity, BigDecimal locked,
                           boolean triggered, Instant placedAt) {

    public RestingOrder {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(exchangeOrderId, "exchangeOrderId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(locked, "locked");
        Objects.requireNonNull(placedAt, "placedAt");
        if (!request.type().rests()) {
            throw new IllegalArgumentException("a market order never rests");
        }
    }

    /** @return the currency it holds back: the quote for a buy, the base for a sell. */
    public String lockedCurrency() {
        return request.side() == OrderRequest.Side.BUY ? request.symbol().quote() : request.symbol().base();
    }

    /** @return this stop, triggered. */
    public RestingOrder asTriggered() {
        return new RestingOrder(request, exchangeOrderId, quantity, locked, true, placedAt);
    }
}
