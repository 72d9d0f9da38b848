package com.byninja.bot.orders;

import com.byninja.bot.domain.Order;

/**
 * Hands orders to the exchange without blocking the trading thread. Results come back through {@link #poll()}.
 */
public interface OrderGateway {

    /** @return false when the order could not be queued; it was not sent. */
    boolean place(Order order);

    /**
     * Asks the exchange what became of an order whose outcome is unknown, or where a resting order stands now; false
     * when it could not be queued.
     */
    boolean lookup(Order order);

    /**
     * Cancels a resting order and waits for the exchange to confirm it; the result is its final report
     * ({@link GatewayResult.Executed}), {@link GatewayResult.NotFound} when the exchange never had it, or
     * {@link GatewayResult.CancelUnconfirmed}. False when it could not be queued.
     */
    boolean cancel(Order order);

    /** Asks for fresh balances soon, such as after the exchange said the account holds less than the bot thought. */
    default void refreshBalances() {
    }

    /** @return the next result, or null when none is waiting. */
    GatewayResult poll();

    /** @param onResult run (on the executor's thread) after each result is queued, to wake the trading thread */
    void onResult(Runnable onResult);
}
