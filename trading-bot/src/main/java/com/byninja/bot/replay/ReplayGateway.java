package com.byninja.bot.replay;

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
 * The order gateway of a replay: each order is executed at once, on the replaying thread, against an
 * {@link Execution} (the paper wallet on replayed prices), and its result waits for the next step, as a live result
 * waits for the trading thread to wake. No thread, no queue bound: a replay places at most a few orders per step.
 */
public final class ReplayGateway implements OrderGateway {

    private final Execution execution;
    private final Deque<GatewayResult> results = new ArrayDeque<>();

    public ReplayGateway(Execution execution) {
        this.execution = execution;
    }

    @Override
    public boolean place(Order order) {
        try {
            results.add(new GatewayResult.Executed(order, execution.placeMarketOrder(order.toRequest())));
        } catch (ExchangeException e) {
            results.add(new GatewayResult.Unknown(order, e.getMessage()));
        }
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

    @Override
    public GatewayResult poll() {
        return results.poll();
    }

    @Override
    public void onResult(Runnable onResult) {
        // Results are polled by the replay's next step; nobody needs waking.
    }

    /** @return the results waiting for the next step, removed. */
    public List<GatewayResult> drain() {
        List<GatewayResult> out = new ArrayList<>(results);
        results.clear();
        return out;
    }
}
