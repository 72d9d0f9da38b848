package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The paper wallet's books in memory, for a backtest: nothing survives the process, nothing waits for a disk. */
public final class MemoryLedger implements WalletLedger {

    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, ExecutionReport> orders = new HashMap<>();

    @Override
    public Map<String, BigDecimal> loadBalances() {
        return new HashMap<>(balances);
    }

    @Override
    public void saveBalances(Map<String, BigDecimal> saved) {
        balances.clear();
        balances.putAll(saved);
    }

    @Override
    public void recordExecution(ExecutionReport report, Map<String, BigDecimal> balancesAfter) {
        orders.put(report.clientOrderId(), report);
        saveBalances(balancesAfter);
    }

    @Override
    public Optional<ExecutionReport> findOrder(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    @Override
    public long orderCount() {
        return orders.size();
    }
}
