package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Where the paper wallet keeps its balances and every order it executed (by client order id, so none executes twice):
 * the bot's database for the simulator and paper trading, memory for a backtest.
 */
public interface WalletLedger {

    /** @return the balances, empty on a first start. */
    Map<String, BigDecimal> loadBalances() throws SQLException;

    /** Saves the balances. */
    void saveBalances(Map<String, BigDecimal> balances) throws SQLException;

    /** Records an executed order and the wallet after it, atomically. */
    void recordExecution(ExecutionReport report, Map<String, BigDecimal> balancesAfter) throws SQLException;

    /** @return the order executed under this client order id. */
    Optional<ExecutionReport> findOrder(String clientOrderId) throws SQLException;

    /** @return how many orders were executed. */
    long orderCount() throws SQLException;
}
