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
     * Places an order and waits for the exchange's answer.
     *
     * @param request the order, with its client order id already assigned
     * @return the exchange's report: filled, partially filled or rejected; for a limit or stop-loss order also open
     *         (resting, with what executed at once) or cancelled (a limit order whose time in force ended)
     * @throws ExchangeException when the outcome is unknown (network error, timeout)
     */
    ExecutionReport placeOrder(OrderRequest request) throws ExchangeException;

    /**
     * @param request the order as it was (or may have been) sent
     * @return the exchange's report on it now, {@code OPEN} while it rests; empty when the exchange never received it
     * @throws ExchangeException when the exchange cannot be asked
     */
    Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException;

    /**
     * Cancels a resting order by its client order id and waits for the exchange to confirm it.
     *
     * @param request the order as it was sent
     * @return its final report: {@code CANCELLED} with what executed before (zero when nothing did), or
     *         {@code FILLED} when it filled before the cancel reached it (or any other final state it was already
     *         in); empty when the exchange never received the order
     * @throws ExchangeException when the exchange cannot be asked or did not confirm: the order may still rest
     */
    Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException;

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
