package com.byninja.bot.backtest;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The order gateway of a backtest: an order waits until the backtest says the market is where it fills (the next
 * candle's open for the strategy's orders, the stop level for a protective exit), then executes against the paper
 * wallet at the price of that moment. Single-threaded, like the backtest.
 */
final class BacktestGateway implements OrderGateway {

    private final Execution execution;
    private final List<Order> waiting = new ArrayList<>();
    private final Deque<GatewayResult> results = new ArrayDeque<>();

    BacktestGateway(Execution execution) {
        this.execution = execution;
    }

    @Override
    public boolean place(Order order) {
        waiting.add(order);
        return true;
    }

    @Override
    public boolean lookup(Order order) {
        try {
            Optional<ExecutionReport> found = execution.findOrder(order.toRequest());
            results.add(found.<GatewayResult>map(r -> new GatewayResult.Executed(order, r))
                    .orElseGet(() -> new GatewayResult.NotFound(order)));
        } catch (ExchangeException e) {
            results.add(new GatewayResult.Unknown(order, e.getMessage()));
        }
        return true;
    }

    /** Executes every waiting order at the prices of this moment. */
    void fillWaiting() {
        for (Order order : waiting) {
            try {
                results.add(new GatewayResult.Executed(order, execution.placeMarketOrder(order.toRequest())));
            } catch (ExchangeException e) {
                results.add(new GatewayResult.Unknown(order, e.getMessage()));
            }
        }
        waiting.clear();
    }

    /** @return whether orders wait for their fill. */
    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    @Override
    public GatewayResult poll() {
        return results.poll();
    }

    /** @return the results waiting for the next step, removed. */
    List<GatewayResult> drain() {
        List<GatewayResult> out = new ArrayList<>(results);
        results.clear();
        return out;
    }

    @Override
    public void onResult(Runnable onResult) {
        // Results are taken by the backtest's next step; nobody needs waking.
    }
}
