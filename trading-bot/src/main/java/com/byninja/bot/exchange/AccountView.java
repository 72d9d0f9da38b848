package com.byninja.bot.exchange;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real account as the exchange sees it, for reconciling the bot's books with it at start: its orders, by client
 * order id or still open, and everything it holds. The simulator and paper trading have none: their books are the
 * bot's own. Calls may block on the network.
 */
public interface AccountView {

    /**
     * An order the account holds open, in the exchange's own words.
     *
     * @param clientOrderId   the id it was placed with, or null when the exchange shows none
     * @param exchangeOrderId the exchange's id
     * @param symbol          the market as the exchange writes it, such as {@code ETHUSDT}
     * @param side            such as {@code SELL}
     * @param quantity        the quantity ordered, or null when the exchange did not say
     * @param type            such as {@code LIMIT}
     * @param price           its limit price, or null when it has none (or the exchange did not say)
     * @param stopPrice       a stop's trigger price, or null when it has none (or the exchange did not say)
     */
    record OpenOrder(String clientOrderId, String exchangeOrderId, String symbol, String side, BigDecimal quantity,
                     String type, BigDecimal price, BigDecimal stopPrice) {

        /** An open order whose prices the exchange did not say. */
        public OpenOrder(String clientOrderId, String exchangeOrderId, String symbol, String side, BigDecimal quantity,
                         String type) {
            this(clientOrderId, exchangeOrderId, symbol, side, quantity, type, null, null);
        }
    }

    /** @return the exchange's name as the bot's messages say it, such as {@code binance}. */
    String exchangeName();

    /**
     * @param symbol        the order's market
     * @param clientOrderId the id the bot placed it with
     * @return the exchange's report on it, or empty when the exchange never received it
     * @throws ExchangeException when the exchange cannot be asked, or the order has not finished yet
     */
    Optional<ExecutionReport> findOrder(Symbol symbol, String clientOrderId) throws ExchangeException;

    /**
     * @return every open order of the account, the bot's or not
     * @throws ExchangeException when the exchange cannot be asked
     */
    List<OpenOrder> openOrders() throws ExchangeException;

    /**
     * @return per currency, everything the account holds, free and locked, such as {@code BTC -> 0.00101}
     * @throws ExchangeException when the balances cannot be fetched
     */
    Map<String, BigDecimal> totalBalances() throws ExchangeException;
}
