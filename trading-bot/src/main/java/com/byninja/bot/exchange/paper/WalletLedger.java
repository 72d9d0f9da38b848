package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the paper wallet keeps its free balances, the orders resting in it, and every order that reached a final
 * state (by client order id, so none executes twice): the bot's database for the simulator and paper trading, memory
 * for a backtest. Each change of an order and the balances after it are written together, so a crash never leaves
 * coins locked by an order that is gone, or an order resting on coins that were spent.
 */
public interface WalletLedger {

    /** @return the free balances, empty on a first start. */
    Map<String, BigDecimal> loadBalances() throws SQLException;

    /** Saves the free balances. */
    void saveBalances(Map<String, BigDecimal> balances) throws SQLException;

    /**
     * Records an order's final report (filled, rejected, cancelled) and the free balances after it, atomically; the
     * order, if it rested, rests no more.
     */
    void recordExecution(ExecutionReport report, Map<String, BigDecimal> balancesAfter) throws SQLException;

    /** Records an order that now rests and the free balances after locking what it holds back, atomically. */
    void recordResting(RestingOrder order, Map<String, BigDecimal> balancesAfter) throws SQLException;

    /** Records that a resting stop has triggered. */
    void recordTriggered(String clientOrderId) throws SQLException;

    /** @return the orders resting now, oldest first. */
    List<RestingOrder> loadResting() throws SQLException;

    /** @return the final report of the order with this client order id. */
    Optional<ExecutionReport> findOrder(String clientOrderId) throws SQLException;

    /** @return how many orders were given an answer, resting ones included: the exchange order ids used so far. */
    long orderCount() throws SQLException;
}
