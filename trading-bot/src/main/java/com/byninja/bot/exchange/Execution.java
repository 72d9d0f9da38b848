package com.byninja.bot.exchange;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.OrderRequest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Orders and balances of one account. Calls may block on the network, so only the order executor thread calls
 * them, never the trading thread.
 *
 * <p>The client order id of a request is the idempotency key: an implementation never executes two orders with the
 * same client order id, and {@link #findOrder} finds an order by it after a restart.
 */
public interface Execution {

    /**
     * Places a market order and waits for the exchange's answer.
     *
     * @param request the order, with its client order id already assigned
     * @return the exchange's report: filled, partially filled or rejected
     * @throws ExchangeException when the outcome is unknown (network error, timeout)
     */
    ExecutionReport placeMarketOrder(OrderRequest request) throws ExchangeException;

    /**
     * @param request the order as it was (or may have been) sent
     * @return the exchange's report on it, or empty when the exchange never received it
     * @throws ExchangeException when the exchange cannot be asked
     */
    Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException;

    /**
     * @return free balance per currency, such as {@code USDT -> 10000}
     * @throws ExchangeException when the balances cannot be fetched
     */
    Map<String, BigDecimal> balances() throws ExchangeException;

    /**
     * @return the fee a market order pays, in percent of its quote value; the risk rules keep this much of the free
     *         balance aside for a buy's fee
     */
    default BigDecimal feePct() {
        return BigDecimal.ZERO;
    }
}
