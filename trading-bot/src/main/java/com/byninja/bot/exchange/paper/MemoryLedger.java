package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The paper wallet's books in memory, for a backtest: nothing survives the process, nothing waits for a disk. */
public final class MemoryLedger implements WalletLedger {

    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, ExecutionReport> orders = new HashMap<>();
    private final Map<String, RestingOrder> resting = new LinkedHashMap<>();

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
        resting.remove(report.clientOrderId());
        orders.put(report.clientOrderId(), report);
        saveBalances(balancesAfter);
    }

    @Override
    public void recordResting(RestingOrder order, Map<String, BigDecimal> balancesAfter) {
        resting.put(order.request().clientOrderId(), order);
        saveBalances(balancesAfter);
    }

    @Override
    public void recordTriggered(String clientOrderId) {
        resting.computeIfPresent(clientOrderId, (id, order) -> order.asTriggered());
    }

    @Override
    public List<RestingOrder> loadResting() {
        return new ArrayList<>(resting.values());
    }

    @Override
    public Optional<ExecutionReport> findOrder(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    @Override
    public long orderCount() {
        return orders.size() + resting.size();
    }
}
